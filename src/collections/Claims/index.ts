import type { CollectionConfig, CollectionSlug } from 'payload'

import { isEditor } from '../../access/isEditor'
import { isLoggedIn } from '../../access/isLoggedIn'
import { publicIfExposed } from '../../access/publicIfExposed'
import { evidencePanelField } from '../../fields/adminUi'
import { evidenceField } from '../../fields/evidence'
import { publicFlagField } from '../../fields/publicFlag'
import { reviewField } from '../../fields/review'
import { statisticsField } from '../../fields/statistic'
import { BENEFITS_SLUG, CLAIMS_SLUG, USERS_SLUG } from '../../shared/slugs'

/**
 * The claims library and the unit of review. Publishing a claim is approving it: the
 * published version is what frontends read while a newer draft waits for review. Approvers and
 * draft editors point at `usersSlug` (the `usersCollection` option). What runs on it — the
 * review guards, the evidence rules, the review endpoints: `behaviour.ts`.
 */
export const createClaims = ({
  usersSlug = USERS_SLUG,
}: { usersSlug?: CollectionSlug } = {}): CollectionConfig => ({
  slug: CLAIMS_SLUG,
  labels: { singular: 'Clinical claim', plural: 'Clinical claims' },
  admin: {
    useAsTitle: 'statement',
    defaultColumns: ['statement', 'review.status', 'topic', 'updatedAt'],
    group: 'Evidence',
    description: 'Each claim states numbers and cites the sources that report them.',
  },
  versions: {
    // Drafts are validated too: the review workflow saves every user edit as a draft.
    drafts: { validate: true },
    // Every version is kept: review events point at claim versions, and the queue diffs against them.
    maxPerDoc: 0,
  },
  access: {
    read: publicIfExposed({ approvedOnly: true }),
    readVersions: isLoggedIn,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  fields: [
    {
      name: 'statement',
      type: 'textarea',
      required: true,
      admin: { description: 'The claim as readers will see it, e.g. "70% of patients…".' },
    },
    statisticsField(),
    {
      name: 'attribution',
      type: 'text',
      admin: {
        description: 'Who says so, e.g. "Cleveland Clinic". An attribution is not a citation.',
      },
    },
    { name: 'topic', type: 'text', index: true },
    {
      name: 'benefits',
      type: 'relationship',
      relationTo: BENEFITS_SLUG,
      hasMany: true,
    },
    evidencePanelField(),
    reviewField({ usersSlug }),
    evidenceField(),
    publicFlagField(),
  ],
})

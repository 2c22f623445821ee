import type { CollectionConfig } from 'payload'

import { isEditor } from '../../access/isEditor'
import { publicIfExposed } from '../../access/publicIfExposed'
import { citedRichText } from '../../blocks/citedRichText'
import { evidencePanelField } from '../../fields/adminUi'
import { evidenceField } from '../../fields/evidence'
import { publicFlagField } from '../../fields/publicFlag'
import { AFTERCARE_TIPS_SLUG, BENEFITS_SLUG, CLAIMS_SLUG } from '../../shared/slugs'

/** A benefit of a treatment, with its clinical perspective and aftercare tips. What runs on it: `behaviour.ts`. */
export const Benefits: CollectionConfig = {
  slug: BENEFITS_SLUG,
  labels: { singular: 'Benefit', plural: 'Benefits' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'updatedAt'],
    group: 'Content',
  },
  // Populated into another document (a benefit block, a comparison column or cell): what a page
  // shows of a benefit. Comparison columns and cells are trimmed further for frontends
  // (hooks/delivery/leanPopulate.ts). A `populate` argument chooses otherwise.
  defaultPopulate: {
    title: true,
    summary: true,
    howItWorks: true,
    clinicalPerspective: true,
    claims: true,
    aftercareTips: true,
  },
  access: {
    read: publicIfExposed(),
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  fields: [
    { name: 'title', type: 'text', required: true },
    {
      name: 'summary',
      type: 'textarea',
      admin: { description: 'One or two sentences shown above the details.' },
    },
    citedRichText({ name: 'howItWorks', label: 'How it works' }),
    citedRichText({
      name: 'clinicalPerspective',
      label: 'Clinical perspective',
      admin: {
        description: 'Cite a claim (Claim reference) in every sentence that states a number.',
      },
    }),
    {
      name: 'claims',
      type: 'relationship',
      relationTo: CLAIMS_SLUG,
      hasMany: true,
    },
    {
      name: 'aftercareTips',
      type: 'relationship',
      relationTo: AFTERCARE_TIPS_SLUG,
      hasMany: true,
      label: 'Aftercare tips',
    },
    evidencePanelField(),
    evidenceField(),
    publicFlagField(),
  ],
}

import type { CollectionConfig } from 'payload'

import { slugField } from 'payload'

import { isEditor } from '../../access/isEditor'
import { isLoggedIn } from '../../access/isLoggedIn'
import { publishedOrLoggedIn } from '../../access/publishedOrLoggedIn'
import { citedRichText } from '../../blocks/citedRichText'
import { layoutBlocks } from '../../blocks/index'
import { articleStatusField, evidencePanelField } from '../../fields/adminUi'
import { evidenceField } from '../../fields/evidence'
import { claimReferencesField, referencesField } from '../../fields/references'
import { fillSlugFromTitle } from '../../hooks/articles/fillSlugFromTitle'
import { ARTICLES_SLUG, MEDIA_SLUG } from '../../shared/slugs'

/** An evidence-backed article assembled from blocks. What runs on it: `behaviour.ts`. */
export const Articles: CollectionConfig = {
  slug: ARTICLES_SLUG,
  labels: { singular: 'Article', plural: 'Articles' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'publishState', 'slug', 'updatedAt'],
    group: 'Content',
  },
  versions: {
    drafts: {
      autosave: { interval: 1000 },
      schedulePublish: true,
    },
    maxPerDoc: 50,
  },
  access: {
    read: publishedOrLoggedIn,
    readVersions: isLoggedIn,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField({
      position: undefined,
      // Always filled from the title before validation, so API clients (GraphQL included)
      // need not send it.
      required: false,
      overrides: (row) => ({
        ...row,
        fields: row.fields.map((field) =>
          'name' in field && field.name === 'slug' && field.type === 'text'
            ? { ...field, hooks: { ...field.hooks, beforeValidate: [fillSlugFromTitle] } }
            : field,
        ),
      }),
    }),
    {
      name: 'excerpt',
      type: 'textarea',
      admin: { description: 'One or two sentences for listings and search results.' },
    },
    { name: 'heroImage', type: 'upload', relationTo: MEDIA_SLUG },
    { name: 'author', type: 'text', admin: { description: 'The name shown as the byline.' } },
    citedRichText({ name: 'intro' }),
    {
      name: 'layout',
      type: 'blocks',
      blocks: layoutBlocks,
      admin: { initCollapsed: false },
    },
    citedRichText({ name: 'conclusion' }),
    {
      name: 'seo',
      type: 'group',
      label: 'SEO',
      fields: [
        { name: 'metaTitle', type: 'text' },
        { name: 'metaDescription', type: 'textarea' },
      ],
    },
    evidencePanelField(),
    evidenceField(),
    // Derived on read, never stored: the numbered references and each claim's numbers.
    referencesField(),
    claimReferencesField(),
    articleStatusField(),
  ],
}

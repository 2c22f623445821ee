import type { CollectionConfig } from 'payload'

/** The clinic's own pages: not Cited's business. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  access: { read: () => true },
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'body', type: 'textarea' },
  ],
}

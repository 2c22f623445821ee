import type { CollectionConfig } from 'payload'

import path from 'node:path'

import { isEditor } from '../../access/isEditor'
import { publicIfExposed } from '../../access/publicIfExposed'
import { publicFlagField } from '../../fields/publicFlag'
import { MEDIA_SLUG } from '../../shared/slugs'

/** Images for articles. Files are stored in `media/` at the project root. What runs on it: `behaviour.ts`. */
export const createMedia = (staticDir: string): CollectionConfig => ({
  slug: MEDIA_SLUG,
  labels: { singular: 'Media', plural: 'Media' },
  admin: { group: 'Content' },
  access: {
    // Media follows what it illustrates: anonymous readers see only what a published article shows.
    read: publicIfExposed(),
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  upload: {
    staticDir: path.resolve(staticDir),
    mimeTypes: ['image/*'],
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, position: 'centre' },
      { name: 'card', width: 768, height: 512, position: 'centre' },
      { name: 'hero', width: 1600, height: undefined },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      admin: { description: 'Describe the image for people who cannot see it.' },
    },
    publicFlagField(),
  ],
})

import type { Block } from 'payload'

import { urlError } from '../../evidence/locators'

/** Invite the reader to book: heading, text and a button. */
export const CallToActionBlock: Block = {
  slug: 'callToAction',
  interfaceName: 'CallToActionBlock',
  dbName: 'blk_cta',
  labels: { singular: 'Call to action', plural: 'Calls to action' },
  fields: [
    { name: 'heading', type: 'text' },
    { name: 'text', type: 'textarea', required: true },
    {
      type: 'row',
      fields: [
        { name: 'label', type: 'text', admin: { description: 'Button text, e.g. "Book now".' } },
        {
          name: 'url',
          type: 'text',
          validate: (value: null | string | undefined) => {
            if (!value || value.startsWith('/')) {
              return true
            }
            return urlError(value) ?? true
          },
          admin: { description: 'A page of this site (/contact) or a full https:// link.' },
        },
      ],
    },
  ],
}

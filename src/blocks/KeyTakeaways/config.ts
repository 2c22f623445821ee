import type { Block } from 'payload'

/** Key takeaways or numbered next steps: items with a title, optional text and bullet points. */
export const KeyTakeawaysBlock: Block = {
  slug: 'keyTakeaways',
  interfaceName: 'KeyTakeawaysBlock',
  dbName: 'blk_keys',
  labels: { singular: 'Key takeaways', plural: 'Key takeaways' },
  fields: [
    { name: 'heading', type: 'text', defaultValue: 'Key takeaways' },
    {
      name: 'style',
      type: 'select',
      defaultValue: 'takeaways',
      options: [
        { label: 'Takeaways (bullets)', value: 'takeaways' },
        { label: 'Next steps (numbered)', value: 'steps' },
      ],
    },
    { name: 'intro', type: 'textarea' },
    {
      name: 'items',
      type: 'array',
      dbName: 'keys_items',
      minRows: 1,
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'text', type: 'textarea' },
        {
          name: 'points',
          type: 'array',
          dbName: 'keys_pts',
          fields: [{ name: 'text', type: 'text', required: true }],
        },
      ],
    },
  ],
}

import type { CheckboxField } from 'payload'

const noWrites = () => false

/** Name of the flag every library document carries: shown by a published article. */
export const PUBLIC_FLAG = 'isPublic'

/**
 * True while a published article shows the document (for claims: while one cites its approved
 * version). Maintained by the server in the same transaction as the change that moves it
 * (`content/store.ts`) and read by anonymous access as an indexed `Where`. Hidden from every API:
 * nobody reads, filters on or writes it.
 */
export const publicFlagField = (): CheckboxField => ({
  name: PUBLIC_FLAG,
  type: 'checkbox',
  defaultValue: false,
  index: true,
  hidden: true,
  access: { create: noWrites, update: noWrites },
  admin: { hidden: true, readOnly: true, disableListColumn: true, disableListFilter: true },
})

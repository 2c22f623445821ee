import type { CheckboxField } from 'payload'

import { PUBLIC_FLAG } from '../shared/publicFlag'

const noWrites = () => false

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

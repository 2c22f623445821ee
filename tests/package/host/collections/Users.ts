import type { CollectionConfig } from 'payload'

/** The clinic's staff accounts: its own collection, with a field Cited knows nothing about. */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: true,
  admin: { useAsTitle: 'email' },
  fields: [{ name: 'clinic', type: 'text' }],
}

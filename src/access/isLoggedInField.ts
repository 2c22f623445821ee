import type { FieldAccess } from 'payload'

/** Field access: only logged-in users may read the field (hidden from anonymous readers). */
export const isLoggedInField: FieldAccess = ({ req: { user } }) => Boolean(user)

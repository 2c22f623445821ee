import type { FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Field access: only admins may write the field. */
export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

import type { FieldAccess } from 'payload'

import { hasRole } from '../shared/roles'

/** Field access: only admins may write the field. */
export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

import type { Access } from 'payload'

import { hasRole } from '../shared/roles'

/** Admins only. */
export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')

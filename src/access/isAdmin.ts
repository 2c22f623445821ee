import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins only. */
export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')

import type { Access } from 'payload'

import { hasRole } from '../shared/roles'

/** Editors and admins: the people who write content. */
export const isEditor: Access = ({ req: { user } }) =>
  hasRole(user, 'editor') || hasRole(user, 'admin')

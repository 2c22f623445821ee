import type { Access } from 'payload'

import { hasRole } from '../shared/roles'

/** Reviewers and admins: the people who read the audit trail. */
export const isReviewerOrAdmin: Access = ({ req: { user } }) =>
  hasRole(user, 'reviewer') || hasRole(user, 'admin')

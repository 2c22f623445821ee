import type { PayloadRequest } from 'payload'

import { hasRole } from './roles'

/** Reviewers only — an admin without the reviewer role is not one. */
export const isReviewer = ({ req: { user } }: { req: PayloadRequest }): boolean => hasRole(user, 'reviewer')

import type { PayloadRequest } from 'payload'

export const ROLES = ['admin', 'editor', 'reviewer'] as const
export type Role = (typeof ROLES)[number]

type UserLike = PayloadRequest['user'] | null | undefined

/** True when the user carries the given role. */
export const hasRole = (user: UserLike, role: Role): boolean =>
  Boolean(user && 'roles' in user && Array.isArray(user.roles) && user.roles.includes(role))

import type { Access } from 'payload'

/** Any logged-in user. */
export const isLoggedIn: Access = ({ req: { user } }) => Boolean(user)

import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { isAdminField } from '../../access/isAdminField'
import { isAdminOrSelf } from '../../access/isAdminOrSelf'
import { ROLES } from '../../access/roles'
import { clearLoginThrottle, throttleLogin } from '../../auth/loginThrottle'
import { outageAwareJwt } from '../../auth/outageAwareJwt'
import { USERS_SLUG } from '../slugs'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'

/** People who use the admin: editors write, reviewers approve claims, admins manage users. */
export const Users: CollectionConfig = {
  slug: USERS_SLUG,
  labels: { singular: 'User', plural: 'Users' },
  // No lockout: Payload's (maxLoginAttempts) lets anyone who knows an e-mail lock its owner out.
  // Repeated failures are slowed down per (account, client) and per client instead — see
  // src/auth/loginThrottle.ts.
  // Payload's JWT check, telling a database outage from "no user" (see auth/outageAwareJwt.ts).
  auth: { maxLoginAttempts: 0, strategies: [outageAwareJwt] },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles'],
    group: 'Settings',
  },
  access: {
    read: isAdminOrSelf,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    admin: ({ req: { user } }) => Boolean(user),
  },
  hooks: {
    beforeOperation: [throttleLogin],
    afterLogin: [clearLoginThrottle],
    beforeChange: [firstUserIsAdmin],
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      saveToJWT: true,
      defaultValue: ['editor'],
      options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      access: {
        create: isAdminField,
        update: isAdminField,
      },
      admin: { description: 'Only admins can change roles.' },
    },
  ],
}

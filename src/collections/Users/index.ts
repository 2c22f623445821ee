import type { CheckboxField, CollectionConfig, CollectionSlug, SelectField } from 'payload'

import { isAdmin } from '../../access/isAdmin'
import { isAdminField } from '../../access/isAdminField'
import { isAdminOrSelf } from '../../access/isAdminOrSelf'
import { outageAwareJwt } from '../../auth/outageAwareJwt'
import { EMAIL_NOTIFICATIONS_FIELD } from '../../review/emails'
import { hasRole, ROLES } from '../../shared/roles'
import { USERS_SLUG } from '../../shared/slugs'

/** The field Cited's access rules and review workflow read: which of Cited's roles a person has. */
export const ROLES_FIELD = 'roles'

/**
 * Roles: only admins set or change them. A new account gets the editor role only when an admin
 * creates it; one created any other way (sign-up through a host's open `create`, server code
 * without a user) starts with none — the first account is made an admin by `firstUserIsAdmin`.
 */
export const rolesField = (): SelectField => ({
  name: ROLES_FIELD,
  type: 'select',
  hasMany: true,
  saveToJWT: true,
  defaultValue: ({ user }) => (hasRole(user, 'admin') ? ['editor'] : []),
  options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
  access: {
    create: isAdminField,
    update: isAdminField,
  },
  admin: { description: 'Only admins can change roles.' },
})

/**
 * The review e-mails' opt-out (see `review/notify.ts`): on by default; each person turns it off
 * on their own account (whoever may update the account may change it: the person and admins).
 */
export const emailNotificationsField = (): CheckboxField => ({
  name: EMAIL_NOTIFICATIONS_FIELD,
  type: 'checkbox',
  label: 'Email notifications',
  defaultValue: true,
  admin: {
    description:
      'E-mail me when a claim waits for my review, or when a claim I edited is decided on or about to expire.',
  },
})

/**
 * People who use the admin: editors write, reviewers approve claims, admins manage users.
 * Added under `slug` when the host has no users collection of its own; otherwise the host's is
 * extended with these fields and access rules (see `plugin.ts`). What runs on it: `behaviour.ts`.
 */
export const createUsers = (slug: CollectionSlug = USERS_SLUG): CollectionConfig => ({
  slug,
  labels: { singular: 'User', plural: 'Users' },
  // No lockout: Payload's (maxLoginAttempts) lets anyone who knows an e-mail lock its owner out.
  // Repeated failures are slowed down per (account, client) and per client instead — see
  // src/auth/loginThrottle.ts.
  // Payload's JWT check, telling a database outage from "no user" (see auth/outageAwareJwt.ts).
  auth: { maxLoginAttempts: 0, strategies: [outageAwareJwt] },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', ROLES_FIELD],
    group: 'Settings',
  },
  access: {
    read: isAdminOrSelf,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    admin: ({ req: { user } }) => Boolean(user),
  },
  fields: [{ name: 'name', type: 'text' }, rolesField(), emailNotificationsField()],
})

'use client'
/** A link of Cited's in the admin's navigation, shown to the roles it is for. */
import { useAuth, useConfig } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

export interface CitedNavLinkProps {
  /** The admin path it opens, after the admin route (`/review`). */
  path: string
  label: string
  /** Who sees it: any of these roles. */
  roles: readonly string[]
  /** Names it for styles and tests (`cited-nav-review`). */
  name: string
}

export function CitedNavLink({ name, label, path, roles: allowed }: CitedNavLinkProps) {
  const { user } = useAuth()
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  const pathname = usePathname()
  const roles: unknown = user && 'roles' in user ? user.roles : []
  if (!Array.isArray(roles) || !allowed.some((role) => roles.includes(role))) {
    return null
  }
  const href = `${admin}${path}`
  const isActive = pathname === href
  return (
    <a
      className={`nav__link ${name}`}
      id={name}
      data-testid={name}
      href={href}
      aria-current={isActive ? 'page' : undefined}
      style={{ marginTop: 12 }}
    >
      <span className="nav__link-label" style={{ fontWeight: isActive ? 700 : 400 }}>
        {label}
      </span>
    </a>
  )
}

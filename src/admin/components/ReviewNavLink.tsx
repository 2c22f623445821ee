'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

/** "Review queue" in the admin's navigation, for reviewers and admins. */
export function ReviewNavLink() {
  const { user } = useAuth()
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  const pathname = usePathname()
  const roles: unknown = user && 'roles' in user ? user.roles : []
  if (!Array.isArray(roles) || !(roles.includes('reviewer') || roles.includes('admin'))) {
    return null
  }
  const href = `${admin}/review`
  const isActive = pathname === href
  return (
    <a
      className="nav__link cited-nav-review"
      href={href}
      aria-current={isActive ? 'page' : undefined}
      style={{ marginTop: 12 }}
    >
      <span className="nav__link-label" style={{ fontWeight: isActive ? 700 : 400 }}>
        Review queue
      </span>
    </a>
  )
}

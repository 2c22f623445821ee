'use client'
/** "Import article" in the admin's navigation, for editors and admins. */
import { useAuth, useConfig } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

export function ImportNavLink() {
  const { user } = useAuth()
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  const pathname = usePathname()
  const roles: unknown = user && 'roles' in user ? user.roles : []
  if (!Array.isArray(roles) || !(roles.includes('editor') || roles.includes('admin'))) {
    return null
  }
  const href = `${admin}/import-article`
  const isActive = pathname === href
  return (
    <a
      className="nav__link cited-nav-import"
      id="cited-nav-import"
      data-testid="cited-nav-import"
      href={href}
      aria-current={isActive ? 'page' : undefined}
      style={{ marginTop: 12 }}
    >
      <span className="nav__link-label" style={{ fontWeight: isActive ? 700 : 400 }}>
        Import article
      </span>
    </a>
  )
}

'use client'
/** "Import article" in the admin's navigation, for editors and admins. */
import { CitedNavLink } from '../components/NavLink'

export function ImportNavLink() {
  return (
    <CitedNavLink
      name="cited-nav-import"
      label="Import article"
      path="/import-article"
      roles={['editor', 'admin']}
    />
  )
}

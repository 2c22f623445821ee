'use client'
/** "Review queue" in the admin's navigation, for reviewers and admins. */
import { CitedNavLink } from './NavLink'

export function ReviewNavLink() {
  return (
    <CitedNavLink
      name="cited-nav-review"
      label="Review queue"
      path="/review"
      roles={['reviewer', 'admin']}
    />
  )
}

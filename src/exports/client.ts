/**
 * `cited/client`: Cited's client components, the ones the admin's import map loads by the names in
 * `shared/adminComponents.ts` (`'cited/client#EvidencePanel'`). Each module carries its own `'use client'`.
 */
export { ArticleStatusCell, ClaimStatusCell } from '../admin/components/StatusCells'
export { Badge, ReviewStatusBadge } from '../admin/components/StatusBadge'
export type { BadgeTone } from '../admin/components/StatusBadge'
export { EvidencePanel } from '../admin/components/EvidencePanel'
export { ReviewNavLink } from '../admin/components/ReviewNavLink'
export { DecisionForm } from '../admin/ReviewQueue/DecisionForm'

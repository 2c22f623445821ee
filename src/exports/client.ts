/**
 * `cited/client`: Cited's client components, the ones the admin's import map loads by the names in
 * `shared/adminComponents.ts` (`'cited/client#EvidencePanel'`). Each module carries its own `'use client'`.
 */
export { ArticleStatusCell, ClaimStatusCell } from '../admin/components/StatusCells'
export { Badge, ReviewStatusBadge } from '../admin/components/StatusBadge'
export type { BadgeTone } from '../admin/components/StatusBadge'
export { EvidencePanel } from '../admin/components/EvidencePanel'
export { ImportReferences } from '../admin/components/ImportReferences'
export { ReviewNavLink } from '../admin/components/ReviewNavLink'
export { DecisionForm } from '../admin/ReviewQueue/DecisionForm'
export { ImportArticleForm } from '../admin/ImportArticle/ImportArticleForm'
export { ImportNavLink } from '../admin/ImportArticle/ImportNavLink'

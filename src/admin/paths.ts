/**
 * Where Cited's admin components live, as Payload's import map names them (relative to the
 * config's `admin.importMap.baseDir`, the repository root). `npm run generate` writes them into
 * `src/app/(payload)/admin/importMap.js`.
 */
const base = '/src/admin'

export const ADMIN_COMPONENTS = {
  evidencePanel: `${base}/components/EvidencePanel#EvidencePanel`,
  claimStatusCell: `${base}/components/StatusCells#ClaimStatusCell`,
  articleStatusCell: `${base}/components/StatusCells#ArticleStatusCell`,
  reviewNavLink: `${base}/components/ReviewNavLink#ReviewNavLink`,
  reviewQueueView: `${base}/ReviewQueue/ReviewQueueView#ReviewQueueView`,
} as const

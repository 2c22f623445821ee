/**
 * Cited's admin components as Payload's import map names them: package specifiers of the
 * package's `./client` and `./rsc` exports, so a host resolves them from `node_modules` (its built
 * `dist/`) and this repository's app from the source (tsconfig `paths` map `cited/*` to
 * `src/exports/*`). `npm run generate` writes them into `src/app/(payload)/admin/importMap.js`.
 */
const PACKAGE = 'cited'
const client = `${PACKAGE}/client`
const rsc = `${PACKAGE}/rsc`

export const ADMIN_COMPONENTS = {
  evidencePanel: `${client}#EvidencePanel`,
  claimStatusCell: `${client}#ClaimStatusCell`,
  articleStatusCell: `${client}#ArticleStatusCell`,
  reviewNavLink: `${client}#ReviewNavLink`,
  importReferences: `${client}#ImportReferences`,
  reviewQueueView: `${rsc}#ReviewQueueView`,
  importNavLink: `${client}#ImportNavLink`,
  importArticleView: `${rsc}#ImportArticleView`,
} as const

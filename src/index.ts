/**
 * Cited's public API — the package's `.` export (`dist/index.js`): the plugin, and the pure
 * evidence engine a frontend or CLI can reuse. Admin components are in `cited/client` and
 * `cited/rsc` (src/exports/).
 */
export { citedPlugin } from './plugin'
export type { CitedCollectionSlug, CitedPluginOptions, CollectionOverride } from './options'

export { checkCoverage, formatPath } from './evidence/coverage'
export type {
  CoverageClaim,
  CoverageResult,
  Issue as CoverageIssue,
  TextSource,
} from './evidence/coverage'
export { detectStatistics } from './evidence/detect'
export {
  extractClaimIds,
  lexicalToPlainText,
  splitSentences,
  walkLexical,
} from './evidence/lexical'
export { describeStatistic, statisticMatches } from './evidence/match'
export type { ClaimStatistic } from './evidence/match'
export type { DetectedStatistic, StatisticKind, StatisticUnit } from './evidence/types'

// Route guards and the published read's own route, for a host's `app/(payload)/api` route files
// (README: Bad input, Frontends).
export { publishedArticleRoute } from './http/published'
export { guardGraphQL, guardRest } from './http/routes'

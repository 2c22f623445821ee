/**
 * `cited/rsc`: Cited's React server components — the reviewers' queue view at `/admin/review`
 * (`'cited/rsc#ReviewQueueView'`). It reads the queue with the request's own Payload.
 */
export { ReviewQueueView } from '../admin/ReviewQueue/ReviewQueueView'
export { ImportArticleView } from '../admin/ImportArticle/ImportArticleView'

/* The published snapshot of an article, served without building a Payload request (Cited). */
import config from '@payload-config'

import { publishedArticleRoute } from '../../../../../../http/published'

export const GET = publishedArticleRoute(config)

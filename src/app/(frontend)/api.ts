/**
 * The example site reads Cited the way any frontend does: the public REST API over HTTP,
 * anonymously. One request per page — the article's published snapshot — and Next keeps what it
 * got: pages are rendered once and served from Next's cache until Cited revalidates them (it calls
 * `revalidatePath`/`revalidateTag` whenever a published snapshot changes), so a page view costs
 * no API call.
 */
import { cache } from 'react'

import type { Article } from '../../../payload-types'

import { ARTICLES_TAG, articleTag } from '../../content/revalidate'

interface FindResult<T> {
  docs: T[]
  totalDocs: number
}

/** How long Next may keep a page or a response when nothing revalidates it (a safety net). */
export const REVALIDATE_SECONDS = 300

/**
 * The server's own origin: `SERVER_URL`, else this server on loopback. Never taken from request
 * headers, which a client controls (the server would fetch from wherever they point).
 */
function origin(): string {
  if (process.env.SERVER_URL) {
    return process.env.SERVER_URL.replace(/\/$/, '')
  }
  return `http://127.0.0.1:${process.env.PORT ?? '3000'}`
}

/** An API read kept in Next's data cache under `tags` (null for a 404). */
async function get<T>(
  path: string,
  query: Record<string, string>,
  tags: string[],
): Promise<T | null> {
  const search = new URLSearchParams(query).toString()
  const url = `${origin()}/api/${path}${search ? `?${search}` : ''}`
  const response = await fetch(url, {
    headers: { Accept: 'application/json' },
    next: { revalidate: REVALIDATE_SECONDS, tags },
  })
  if (response.status === 404) {
    return null
  }
  if (!response.ok) {
    throw new Error(`GET ${url} answered ${response.status}`)
  }
  return (await response.json()) as T
}

/**
 * A published article by slug, as its published snapshot (the page read: blocks populated at
 * depth 2, references and reference numbers), or null. Memoised per render: the page and its
 * metadata share one request.
 */
export const getArticle = cache(
  (slug: string): Promise<Article | null> =>
    get<Article>(`articles/published/${encodeURIComponent(slug)}`, {}, [articleTag(slug)]),
)

export type ArticleSummary = Pick<
  Article,
  'id' | 'title' | 'slug' | 'excerpt' | 'author' | 'updatedAt'
>

/** Published articles, newest first: only what a list shows. */
export async function listArticles(): Promise<ArticleSummary[]> {
  const result = await get<FindResult<ArticleSummary>>(
    'articles',
    {
      depth: '0',
      limit: '100',
      sort: '-updatedAt',
      'select[title]': 'true',
      'select[slug]': 'true',
      'select[excerpt]': 'true',
      'select[author]': 'true',
      'select[updatedAt]': 'true',
    },
    [ARTICLES_TAG],
  )
  return result?.docs ?? []
}

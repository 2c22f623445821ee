/**
 * The example site reads Cited the way any frontend does: the public REST API over HTTP,
 * anonymously. One request per page; the API derives references and reference numbers.
 */
import { cache } from 'react'

import type { Article } from '../../../payload-types'

interface FindResult<T> {
  docs: T[]
  totalDocs: number
}

/**
 * The server's own origin: `SERVER_URL`, else this server on loopback. Never taken from request
 * headers, which a client controls (the server would fetch from wherever they point).
 */
function origin(): string {
  if (process.env.SERVER_URL) return process.env.SERVER_URL.replace(/\/$/, '')
  return `http://127.0.0.1:${process.env.PORT ?? '3000'}`
}

async function get<T>(path: string, query: Record<string, string>): Promise<T> {
  const url = `${origin()}/api/${path}?${new URLSearchParams(query).toString()}`
  // Pages are rendered per request; the API's own Cache-Control lets a CDN in front cache them.
  const response = await fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } })
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`)
  return (await response.json()) as T
}

/**
 * A published article by slug with blocks populated (depth 2) and its references, or null.
 * Memoised per render: the page and its metadata share one API request.
 */
export const getArticle = cache(async (slug: string): Promise<Article | null> => {
  const result = await get<FindResult<Article>>('articles', {
    'where[slug][equals]': slug,
    depth: '2',
    limit: '1',
  })
  return result.docs[0] ?? null
})

export type ArticleSummary = Pick<Article, 'id' | 'title' | 'slug' | 'excerpt' | 'author' | 'updatedAt'>

/** Published articles, newest first: only what a list shows. */
export async function listArticles(): Promise<ArticleSummary[]> {
  const result = await get<FindResult<ArticleSummary>>('articles', {
    depth: '0',
    limit: '100',
    sort: '-updatedAt',
    'select[title]': 'true',
    'select[slug]': 'true',
    'select[excerpt]': 'true',
    'select[author]': 'true',
    'select[updatedAt]': 'true',
  })
  return result.docs
}

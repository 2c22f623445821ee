import type { Endpoint, GraphQLExtension, PayloadRequest } from 'payload'

import { etagMatches, readSnapshot } from '../../../content/snapshots'
import { PUBLIC_CACHE_CONTROL } from '../../../hooks/delivery/cacheHeaders'

/**
 * `GET /api/articles/published/<slug>`: the published article as an anonymous page read gets it
 * (`?where[slug][equals]=<slug>&depth=2`, `docs[0]`), from its stored snapshot — one indexed row,
 * sent byte for byte with a strong ETag; `If-None-Match` with that ETag answers 304. The same for
 * everyone: it is the public version, so shared caches may keep it.
 */
export const publishedArticleEndpoint: Endpoint = {
  path: '/published/:slug',
  method: 'get',
  handler: async (req) => {
    const slug = req.routeParams?.slug
    const snapshot = typeof slug === 'string' && slug !== '' ? await readSnapshot(req, slug) : undefined
    if (!snapshot) {
      return Response.json(
        { errors: [{ message: `No published article has the slug ${JSON.stringify(slug ?? '')}.` }] },
        { status: 404, headers: { 'Cache-Control': PUBLIC_CACHE_CONTROL } },
      )
    }
    const headers = { 'Cache-Control': PUBLIC_CACHE_CONTROL, 'Content-Type': 'application/json; charset=utf-8', ETag: snapshot.etag }
    if (etagMatches(req.headers.get('if-none-match'), snapshot.etag)) return new Response(null, { status: 304, headers })
    return new Response(snapshot.json, { status: 200, headers })
  },
}

type GraphQL = Parameters<GraphQLExtension>[0]

/**
 * GraphQL `PublishedArticle(slug: String!): JSON` — the same snapshot, as JSON (the document of
 * the REST page read, with `references` and `referenceNumbers`), or null.
 */
export const publishedArticleQuery = (graphQL: GraphQL, json: unknown) => ({
  PublishedArticle: {
    type: json,
    description: 'The published article with this slug, as the REST page read (depth 2) returns it, from its stored snapshot.',
    args: { slug: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) } },
    resolve: async (_: unknown, { slug }: { slug: string }, { req }: { req: PayloadRequest }) => {
      const snapshot = await readSnapshot(req, slug)
      return snapshot ? JSON.parse(snapshot.json) : null
    },
  },
})

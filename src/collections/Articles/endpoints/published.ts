import type { Endpoint, GraphQLExtension, PayloadRequest } from 'payload'

import { readSnapshot, snapshotDocument, snapshotResponse } from '../../../content/snapshots'

/**
 * `GET /api/articles/published/<slug>`: the published article as an anonymous page read gets it
 * (`?where[slug][equals]=<slug>&depth=2`, `docs[0]`), from its stored snapshot — one indexed row,
 * sent byte for byte with a strong ETag; `If-None-Match` with that ETag answers 304. The same for
 * everyone: it is the public version, so shared caches may keep it. (The app serves the same
 * answer from a route of its own, without building a Payload request: `http/published.ts`.)
 */
export const publishedArticleEndpoint: Endpoint = {
  path: '/published/:slug',
  method: 'get',
  handler: async (req) => {
    const slug = req.routeParams?.slug
    const snapshot =
      typeof slug === 'string' && slug !== ''
        ? await readSnapshot(req.payload, slug, req)
        : undefined
    return snapshotResponse(snapshot, slug, req.headers.get('if-none-match'))
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
    description:
      'The published article with this slug, as the REST page read (depth 2) returns it, from its stored snapshot.',
    args: { slug: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) } },
    resolve: async (_: unknown, { slug }: { slug: string }, { req }: { req: PayloadRequest }) => {
      const snapshot = await readSnapshot(req.payload, slug, req)
      return snapshot ? snapshotDocument(snapshot) : null
    },
  },
})

import type { Payload, PayloadRequest, SanitizedConfig } from 'payload'

import { getPayload, headersWithCors } from 'payload'

import { readSnapshot, snapshotResponse } from '../content/snapshots'
import { answerThrown } from './routes'

/**
 * `GET /api/articles/published/<slug>` as a Next route of its own: the published snapshot read
 * straight from its row, without building a Payload request (no auth strategies, no i18n, no
 * endpoint matching) — the same answer as the Payload endpoint of the same path
 * (`collections/Articles/endpoints/published.ts`), which hosts without this route file still get.
 * The snapshot is the public version, the same for everyone, so the reader is not looked up.
 */
export function publishedArticleRoute(config: Promise<SanitizedConfig> | SanitizedConfig) {
  return async (
    request: Request,
    { params }: { params: Promise<{ slug: string }> },
  ): Promise<Response> => {
    try {
      const payload = await getPayload({ config })
      const { slug } = await params
      const snapshot = slug ? await readSnapshot(payload, slug) : undefined
      return withCors(
        payload,
        request,
        snapshotResponse(snapshot, slug, request.headers.get('if-none-match')),
      )
    } catch (error) {
      return answerThrown(error, false)
    }
  }
}

/** `response` with the CORS headers of the config, for an answer made without a Payload request. */
export function withCors(payload: Payload, request: Request, response: Response): Response {
  const headers = headersWithCors({
    headers: new Headers(response.headers),
    req: { payload, headers: request.headers } as PayloadRequest,
  })
  return new Response(response.body, { status: response.status, headers })
}

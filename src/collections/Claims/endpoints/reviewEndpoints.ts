/**
 * The review workflow over REST: `POST /api/claims/:id/submit` and `POST /api/claims/:id/review`
 * (`review/workflow.ts` does the work, shared with GraphQL). A refusal is a 4xx with the
 * workflow's sentence and, when it is about a field, its path in `data.errors` (as Payload's
 * validation errors); a body that cannot be read is a 400 (`http/body.ts`).
 */
import type { Endpoint, PayloadHandler } from 'payload'

import { APIError } from 'payload'

import type { ReviewOutcome } from '../../../review/workflow'

import { isObject, readBody, refusal } from '../../../http/body'
import { reviewClaim, submitClaim } from '../../../review/workflow'

const outcomeBody = ({ claim, event }: ReviewOutcome) => ({
  message: `The claim is now ${claim.review.status.replace('_', ' ')}.`,
  doc: claim,
  event,
})

const asResponse = async (work: () => Promise<ReviewOutcome>): Promise<Response> => {
  try {
    return Response.json(outcomeBody(await work()), { status: 200 })
  } catch (error) {
    if (error instanceof APIError) {
      const data = error.data as undefined | { errors?: { path?: unknown }[] }
      const path = data?.errors?.[0]?.path
      return Response.json(
        {
          errors: [
            {
              message: error.message,
              ...(typeof path === 'string' ? { path } : {}),
              data: error.data ?? undefined,
            },
          ],
        },
        { status: error.status },
      )
    }
    throw error
  }
}

const REVIEW_BODY = '{ "decision": "approve", "note": "…", "password": "…" }'

/** `POST /api/claims/:id/submit` — an editor sends the claim's draft to the reviewers. */
const submit: PayloadHandler = (req) => asResponse(() => submitClaim(req, req.routeParams?.id))

/**
 * `POST /api/claims/:id/review` with `{ decision, note, password }` — a reviewer approves,
 * requests changes, rejects or renews, signing with their password.
 */
const review: PayloadHandler = async (req) => {
  const read = await readBody(req, `a JSON object: ${REVIEW_BODY}`)
  if ('refused' in read) {
    return read.refused
  }
  if (!isObject(read.data)) {
    return refusal(400, `Send the decision as a JSON object: ${REVIEW_BODY}.`, 'body')
  }
  const body = read.data
  return asResponse(() =>
    reviewClaim(req, {
      id: req.routeParams?.id,
      decision: body.decision,
      note: body.note,
      password: body.password,
    }),
  )
}

export const claimReviewEndpoints: Endpoint[] = [
  { path: '/:id/submit', method: 'post', handler: submit },
  { path: '/:id/review', method: 'post', handler: review },
]

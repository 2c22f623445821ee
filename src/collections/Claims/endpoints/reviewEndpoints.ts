import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { addDataAndFileToRequest, APIError } from 'payload'

import type { ReviewOutcome } from '../../../review/workflow'

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
      return Response.json(
        { errors: [{ message: error.message, data: error.data ?? undefined }] },
        { status: error.status },
      )
    }
    throw error
  }
}

const bodyOf = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  await addDataAndFileToRequest(req)
  return req.data && typeof req.data === 'object' ? (req.data as Record<string, unknown>) : {}
}

/** `POST /api/claims/:id/submit` — an editor sends the claim's draft to the reviewers. */
const submit: PayloadHandler = (req) => asResponse(() => submitClaim(req, req.routeParams?.id))

/**
 * `POST /api/claims/:id/review` with `{ decision, note, password }` — a reviewer approves,
 * requests changes, rejects or renews, signing with their password.
 */
const review: PayloadHandler = async (req) => {
  const body = await bodyOf(req)
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

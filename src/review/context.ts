import type { PayloadRequest, RequestContext } from 'payload'

/**
 * The `req.context` flag of the review workflow. Only the workflow sets it, and only while it
 * writes; the hooks that guard claims and review events let a write through only when it is set.
 */
export const REVIEW_CONTEXT_KEY = 'citedReview'

export type WorkflowStep =
  | 'approve'
  | 'expire'
  | 'invalidate'
  | 'reject'
  | 'renew'
  | 'request_changes'
  | 'submit'
  | 'warn'

export const isWorkflowWrite = (context: RequestContext | undefined): boolean =>
  Boolean(context && typeof context[REVIEW_CONTEXT_KEY] === 'string')

/**
 * Runs `work` as the review workflow. The flag is removed again afterwards — Payload's Local API
 * keeps `req.context` for the whole request, and a later operation in the same request (a second
 * GraphQL mutation, say) must not inherit it.
 */
export async function asWorkflow<T>(
  req: PayloadRequest,
  step: WorkflowStep,
  work: () => Promise<T>,
): Promise<T> {
  const previous = req.context[REVIEW_CONTEXT_KEY]
  req.context[REVIEW_CONTEXT_KEY] = step
  try {
    return await work()
  } finally {
    if (previous === undefined) {
      delete req.context[REVIEW_CONTEXT_KEY]
    } else {
      req.context[REVIEW_CONTEXT_KEY] = previous
    }
  }
}

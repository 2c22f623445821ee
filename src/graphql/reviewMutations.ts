import type { GraphQLExtension, PayloadRequest } from 'payload'

import type { ReviewOutcome } from '../review/workflow'

import { REVIEW_DECISIONS } from '../review/transitions'
import { reviewClaim, submitClaim } from '../review/workflow'

type GraphQL = Parameters<GraphQLExtension>[0]

/** What `submitClaim` and `reviewClaim` return. */
const outcomeType = (graphQL: GraphQL) =>
  new graphQL.GraphQLObjectType({
    name: 'ClaimReviewOutcome',
    fields: {
      id: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLID) },
      status: {
        type: new graphQL.GraphQLNonNull(graphQL.GraphQLString),
        description: 'The review status now.',
      },
      published: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLBoolean) },
      approvedAt: { type: graphQL.GraphQLString },
      reviewBy: { type: graphQL.GraphQLString },
      eventId: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLID) },
      action: {
        type: new graphQL.GraphQLNonNull(graphQL.GraphQLString),
        description: 'The recorded event.',
      },
      hash: { type: graphQL.GraphQLString },
    },
  })

const toOutcome = ({ claim, event }: ReviewOutcome) => ({
  id: claim.id,
  status: claim.review.status,
  published: claim._status === 'published',
  approvedAt: claim.review.approvedAt ?? null,
  reviewBy: claim.review.reviewBy ?? null,
  eventId: event.id,
  action: event.action,
  hash: event.hash ?? null,
})

interface ResolverContext {
  req: PayloadRequest
}

/**
 * `submitClaim(id)` and `reviewClaim(id, decision, note, password)`: the review workflow over
 * GraphQL, sharing its implementation with the REST endpoints.
 */
export const reviewMutations = (graphQL: GraphQL): Record<string, unknown> => {
  const Outcome = outcomeType(graphQL)
  const Decision = new graphQL.GraphQLEnumType({
    name: 'ClaimReviewDecision',
    values: Object.fromEntries(REVIEW_DECISIONS.map((decision) => [decision, { value: decision }])),
  })
  return {
    submitClaim: {
      type: new graphQL.GraphQLNonNull(Outcome),
      description: 'Send a claim draft to the reviewers (editors and admins).',
      args: { id: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLID) } },
      resolve: async (_: unknown, args: { id: string }, context: ResolverContext) =>
        toOutcome(await submitClaim(context.req, args.id)),
    },
    reviewClaim: {
      type: new graphQL.GraphQLNonNull(Outcome),
      description:
        'Approve, request changes, reject or renew a claim (reviewers; signed with your password).',
      args: {
        id: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLID) },
        decision: { type: new graphQL.GraphQLNonNull(Decision) },
        note: { type: graphQL.GraphQLString },
        password: { type: new graphQL.GraphQLNonNull(graphQL.GraphQLString) },
      },
      resolve: async (
        _: unknown,
        args: { decision: string; id: string; note?: null | string; password: string },
        context: ResolverContext,
      ) => toOutcome(await reviewClaim(context.req, args)),
    },
  }
}

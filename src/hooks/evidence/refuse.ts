import type { PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { EvidenceIssue } from '../../content/checks'

/** Throws one ValidationError listing every problem, each at its field path. */
export function refuse(
  collection: string,
  issues: readonly EvidenceIssue[],
  req: PayloadRequest,
  gate: readonly string[] = [],
): never {
  throw new ValidationError(
    {
      collection,
      errors: [
        ...issues.map((issue) => ({ path: issue.fieldPath, message: issue.message })),
        ...gate.map((message) => ({ path: 'layout', message })),
      ],
      req,
    },
    req.t,
  )
}

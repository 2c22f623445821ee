import type { CollectionBeforeOperationHook } from 'payload'

import { NotFound } from 'payload'

import { parseDocId } from '../../shared/ids'

/**
 * `/api/<collection>/<id>` answers 404 unless `<id>` is exactly an id. Payload reads the segment
 * with `parseFloat`, so `/api/sources/42%20OR%201=1` would read — or delete — document 42, and
 * `/api/sources/abc` would reach the database as NaN (a 500). Runs before anything is read or
 * written; nested operations of the same request are not route reads and pass.
 */
export const strictRouteIds: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const raw = req.routeParams?.id
  const isThisRoute = req.routeParams?.collection === collection.slug && typeof raw === 'string'
  if (isThisRoute && req.payload.db.defaultIDType === 'number' && parseDocId(raw) === undefined) {
    throw new NotFound(req.t)
  }
  return args
}

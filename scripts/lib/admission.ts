import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'

/**
 * Admission for a saturated Node HTTP server: requests are queued in arrival order and at most
 * `startPerTurn` of them are handed to `handler` per event-loop turn.
 *
 * Why: Node 20's event loop accepts one new connection per turn, and a turn of a saturated
 * server runs the work of every request that arrived during the previous one. The longer the
 * turns, the fewer connections are accepted: with 200 clients connecting at once to `next start`
 * (or to a 20-line server spending 3 ms per request), about 100 of them were not even accepted
 * within 10 s, while the clients already connected were answered in under a second. Starting a
 * bounded batch per turn keeps turns short, so new connections are accepted within milliseconds
 * and every request waits its turn in one queue (first come, first served) instead of in the
 * kernel's accept queue.
 */
export function admission(
  handler: RequestListener,
  { startPerTurn }: { startPerTurn: number },
): RequestListener & { queued: () => number } {
  if (!Number.isInteger(startPerTurn) || startPerTurn < 1) {
    throw new Error(`startPerTurn must be a whole number of at least 1, not ${startPerTurn}`)
  }
  const queue: [IncomingMessage, ServerResponse][] = []
  let head = 0
  let scheduled = false

  const drain = () => {
    scheduled = false
    for (let started = 0; started < startPerTurn && head < queue.length; started += 1) {
      const [req, res] = queue[head]
      queue[head] = undefined as never
      head += 1
      // A client that went away while queued is not worked for.
      if (!req.destroyed && !res.writableEnded) {
        handler(req, res)
      }
    }
    if (head === queue.length) {
      queue.length = 0
      head = 0
    } else {
      schedule()
    }
  }
  const schedule = () => {
    if (scheduled) {
      return
    }
    scheduled = true
    setImmediate(drain)
  }

  const admit = ((req: IncomingMessage, res: ServerResponse) => {
    queue.push([req, res])
    schedule()
  }) as RequestListener & { queued: () => number }
  admit.queued = () => queue.length - head
  return admit
}

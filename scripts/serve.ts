/**
 * The production web server (`npm start`, the e2e tests and `npm run bench:load` run it): the
 * `next build` output served by Next's own request handler, as `next start` does, behind a Node
 * HTTP server with admission (`lib/admission.ts`) so that a burst of new readers is accepted and
 * answered in arrival order instead of waiting in the kernel's accept queue.
 *
 * Environment: PORT (default 3000), CITED_LISTEN_HOST (default all interfaces; not HOSTNAME, which
 * shells and containers set to the machine's name), CITED_START_PER_TURN
 * (requests started per event-loop turn, default 8). The database and secret come from the
 * environment as for `next start` (scripts/start.ts sets them).
 */
import next from 'next'
import http from 'node:http'
import path from 'node:path'

import { admission } from './lib/admission'

const root = path.resolve(import.meta.dirname, '..')
const port = Number(process.env.PORT || 3000)
const hostname = process.env.CITED_LISTEN_HOST || undefined
const startPerTurn = Number(process.env.CITED_START_PER_TURN || 8)

const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port })
await app.prepare()
const handle = app.getRequestHandler()

const server = http.createServer(admission((req, res) => void handle(req, res), { startPerTurn }))
server.listen(port, hostname, () => {
  console.log(`Cited: serving the production build on http://${hostname ?? 'localhost'}:${port}`)
})

let closing = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) {
      process.exit(1)
    }
    closing = true
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 5000).unref()
  })
}

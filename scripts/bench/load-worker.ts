/**
 * Entry of a load-benchmark peer process (see `load-peer.ts`). As `read-worker.ts`: a keep-alive
 * runs before Payload's module graph loads, because on Node 20 a process whose event loop runs
 * empty while tsx transpiles a cold module can end (exit code 13) before its work is done.
 */
setInterval(() => {}, 1 << 30)

import('./load-peer')
  .then(({ main }) => main())
  .catch((error: unknown) => {
    const message = error instanceof Error ? `${error.message}\n${error.stack}` : String(error)
    process.send?.({ type: 'error', message })
    console.error(error)
    process.exit(1)
  })

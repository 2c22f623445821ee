/**
 * Entry of a read-benchmark peer process (see `read-peer.ts`). Kept tiny on purpose: a keep-alive
 * runs before Payload's module graph loads, because on Node 20 a process whose event loop runs
 * empty while tsx transpiles a cold module can end (exit code 13) before its work is done.
 */
setInterval(() => {}, 1 << 30)

import('./read-peer')
  .then(({ main }) => main())
  .catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })

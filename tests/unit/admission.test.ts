import type { AddressInfo } from 'node:net'

import http from 'node:http'
import { describe, expect, it } from 'vitest'

import { admission } from '../../scripts/lib/admission'

/** A server whose handler spends `busyMs` of CPU per request, as a saturated app does. */
async function busyServer(startPerTurn: number, busyMs: number) {
  const started: string[] = []
  const server = http.createServer(
    admission(
      (req, res) => {
        started.push(req.url!)
        const end = performance.now() + busyMs
        while (performance.now() < end) {
          // Busy: the handler spends CPU until `end`.
        }
        res.end(req.url)
      },
      { startPerTurn },
    ),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    started,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** `count` requests over `count` fresh connections, sent one after another on the client side. */
function requests(port: number, count: number): Promise<string[]> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity })
  return Promise.all(
    Array.from(
      { length: count },
      (_, index) =>
        new Promise<string>((resolve, reject) => {
          http
            .get({ host: '127.0.0.1', port, path: `/${index}`, agent }, (res) => {
              let body = ''
              res.setEncoding('utf8')
              res.on('data', (chunk: string) => (body += chunk))
              res.on('end', () => resolve(body))
            })
            .on('error', reject)
        }),
    ),
  )
}

/** A request still waited for by its client, without a socket. */
const fake = (url: string) =>
  [
    { url, destroyed: false },
    { writableEnded: false, end: () => {} },
  ] as unknown as [http.IncomingMessage, http.ServerResponse]

describe('admission (scripts/serve.ts)', () => {
  it('answers every request, each once', async () => {
    const server = await busyServer(4, 1)
    try {
      const bodies = await requests(server.port, 60)
      expect(bodies).toEqual(Array.from({ length: 60 }, (_, index) => `/${index}`))
      expect([...server.started].sort()).toEqual([...bodies].sort())
    } finally {
      await server.close()
    }
  })

  it('starts at most startPerTurn requests per event-loop turn, however many are waiting', async () => {
    let turn = 0
    const perTurn = new Map<number, number>()
    const handler = admission(
      (_req, res) => {
        perTurn.set(turn, (perTurn.get(turn) ?? 0) + 1)
        res.end()
      },
      { startPerTurn: 3 },
    )
    for (let index = 0; index < 40; index += 1) {
      handler(...fake(`/${index}`))
    }
    while (handler.queued() > 0) {
      await new Promise((resolve) => setImmediate(resolve))
      turn += 1
    }
    expect([...perTurn.values()].reduce((sum, count) => sum + count, 0)).toBe(40)
    expect(Math.max(...perTurn.values())).toBe(3)
    expect(perTurn.size).toBe(14)
  })

  it('serves queued requests in the order they arrived', async () => {
    const order: string[] = []
    const handler = admission(
      (req, res) => {
        order.push(req.url!)
        res.end()
      },
      { startPerTurn: 2 },
    )
    for (const url of ['/a', '/b', '/c', '/d', '/e']) {
      handler(...fake(url))
    }
    expect(handler.queued()).toBe(5)
    await new Promise((resolve) => setImmediate(resolve))
    expect(order).toEqual(['/a', '/b'])
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(order).toEqual(['/a', '/b', '/c', '/d', '/e'])
    expect(handler.queued()).toBe(0)
  })

  it('does not work for a client that went away while its request waited', async () => {
    const order: string[] = []
    const handler = admission(
      (req, res) => {
        order.push(req.url!)
        res.end()
      },
      { startPerTurn: 1 },
    )
    const gone = [{ url: '/gone', destroyed: true }, { writableEnded: false }] as unknown as [
      http.IncomingMessage,
      http.ServerResponse,
    ]
    const here = [
      { url: '/here', destroyed: false },
      { writableEnded: false, end: () => {} },
    ] as unknown as [http.IncomingMessage, http.ServerResponse]
    handler(...gone)
    handler(...here)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(order).toEqual(['/here'])
  })

  it('refuses a batch size that is not a whole number of at least 1', () => {
    expect(() => admission(() => {}, { startPerTurn: 0 })).toThrow(/at least 1/)
    expect(() => admission(() => {}, { startPerTurn: 2.5 })).toThrow(/whole number/)
  })
})

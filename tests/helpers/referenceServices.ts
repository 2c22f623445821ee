/**
 * A stand-in Crossref and NCBI E-utilities for the source-import tests. These machines have no
 * internet: a `node:http` server started in the test process stands in for Crossref
 * (`GET /crossref/works/{doi}` → `{ status: 'ok', message }`, 404 for an unknown DOI) and for
 * NCBI E-utilities (`GET /ncbi/efetch.fcgi?db=pubmed&id=…&rettype=medline&retmode=text` →
 * MEDLINE text), answering as those services document. Closing it makes its port a closed one
 * (unreachable); `listen` opens the same port again.
 */
import type { AddressInfo } from 'node:net'

import http from 'node:http'

import type { ReferenceLookupOptions } from '../../src/options'

import { bootPayloadFor, hostConfig, type TestContext } from './payload'

/** What one request asks the stand-in: a Crossref work by DOI, or PubMed records by PMID. */
export type Lookup = { doi: string } | { pmids: string[] }

export interface ReferenceServicesOptions {
  /** How long a DOI or PMID in `slow` waits before it is answered (ms). */
  slowMs: number
  /** The MEDLINE text NCBI answers for the PMIDs asked for. */
  medline: (pmids: string[]) => string
  /** Answers a lookup itself instead (an oversized body, say); returns whether it did. */
  intercept?: (lookup: Lookup, res: http.ServerResponse) => boolean
}

export interface ReferenceServices {
  /** Crossref works by DOI (lower case), as the works API's `message`. */
  works: Map<string, Record<string, unknown>>
  /** DOIs and PMIDs answered only after `slowMs`. */
  slow: Set<string>
  /** Requests as received (path and query not decoded). */
  requests: URL[]
  /** `cited.referenceLookup`'s addresses of this stand-in (after `listen`). */
  urls: () => { crossrefUrl: string; ncbiUrl: string }
  /** Starts listening: on a free port the first time, on the same port after `close`. */
  listen: () => Promise<void>
  /** Drops every connection and closes the port. */
  close: () => Promise<void>
}

export function referenceServices(options: ReferenceServicesOptions): ReferenceServices {
  const works = new Map<string, Record<string, unknown>>()
  const slow = new Set<string>()
  const requests: URL[] = []
  const later = (waits: boolean, send: () => void) =>
    waits ? setTimeout(send, options.slowMs).unref() : send()

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    requests.push(url)
    if (url.pathname.startsWith('/crossref/works/')) {
      const doi = decodeURIComponent(url.pathname.slice('/crossref/works/'.length)).toLowerCase()
      if (options.intercept?.({ doi }, res)) {
        return
      }
      later(slow.has(doi), () => {
        const work = works.get(doi)
        if (!work) {
          res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Resource not found.')
          return
        }
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ status: 'ok', 'message-type': 'work', message: work }))
      })
      return
    }
    if (url.pathname === '/ncbi/efetch.fcgi') {
      const pmids = (url.searchParams.get('id') ?? '').split(',')
      if (options.intercept?.({ pmids }, res)) {
        return
      }
      later(
        pmids.some((id) => slow.has(id)),
        () => res.writeHead(200, { 'Content-Type': 'text/plain' }).end(options.medline(pmids)),
      )
      return
    }
    res.writeHead(404).end()
  })

  let port = 0
  return {
    works,
    slow,
    requests,
    urls: () => ({
      crossrefUrl: `http://127.0.0.1:${port}/crossref`,
      ncbiUrl: `http://127.0.0.1:${port}/ncbi/`,
    }),
    listen: async () => {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
      port = (server.address() as AddressInfo).port
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/**
 * Starts `services` and boots Payload with Cited's reference lookups sent to them, with
 * `lookup`'s other options (timeouts, cache).
 */
export async function bootWithReferenceServices(
  services: ReferenceServices,
  lookup: Omit<ReferenceLookupOptions, 'crossrefUrl' | 'ncbiUrl'>,
): Promise<TestContext> {
  await services.listen()
  return bootPayloadFor(
    hostConfig({ cited: { referenceLookup: { ...services.urls(), ...lookup } } }),
  )
}

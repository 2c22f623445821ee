/**
 * Looking up a bare DOI at Crossref (`GET {crossrefUrl}/works/{doi}`, the works API's CSL-like
 * JSON) and bare PMIDs at NCBI (`{ncbiUrl}/efetch.fcgi?db=pubmed&rettype=medline&retmode=text`,
 * MEDLINE text read by `evidence/references/medline.ts`), with a timeout per request, a deadline
 * for all the lookups of one import (`deadlineMs`: what is not answered by then fails, so a long
 * list answers before a proxy gives up), answers read up to {@link MAX_ANSWER_BYTES}, and an
 * in-memory cache of successful answers. A lookup that fails says so in a sentence a marketer
 * can act on; it never throws.
 */
import type { CslItem } from '@citation-js/core'

import type { SourceHints } from '../../evidence/references/medline'
import type { SanitizedCitedOptions } from '../../options'

import { crossrefWorkToCsl } from '../../evidence/references/crossref'
import { parseMedline } from '../../evidence/references/medline'

type LookupSettings = SanitizedCitedOptions['referenceLookup']

export type LookupResult = { csl: CslItem; hints?: SourceHints } | { message: string }

interface Cached {
  value: { csl: CslItem; hints?: SourceHints }
  expires: number
}

/** PubMed IDs per efetch request (NCBI asks for at most ~200 ids on a GET). */
const PMIDS_PER_REQUEST = 100
/** DOIs looked up at once (Crossref's polite pool allows a few concurrent requests). */
const DOI_CONCURRENCY = 3

/**
 * The most of one answer that is read: a Crossref work is a few kilobytes (tens with its
 * reference list). A larger answer is refused, not buffered.
 */
export const MAX_ANSWER_BYTES = 1_000_000
/** A MEDLINE batch may be larger: this much per PMID asked (a record is a few kilobytes). */
const MAX_MEDLINE_BYTES_PER_PMID = 50_000

/** An answer's text, or undefined when it is larger than `max` bytes (then it is not read on). */
async function readCapped(response: Response, max: number): Promise<string | undefined> {
  const length = Number(response.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(length) && length > max) {
    await response.body?.cancel()
    return undefined
  }
  if (!response.body) {
    return ''
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) {
      break
    }
    size += value.byteLength
    if (size > max) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The entry's message when this import's lookups ran out of time before `what` was answered. */
const tooLate = (service: string, what: string): string =>
  `${service} did not answer in time to look up ${what}; try again or enter the details by hand.`

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`

/** Why a request failed, as the entry's message. */
function unreachable(service: string, what: string, error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : ''
  const why =
    name === 'TimeoutError' || name === 'AbortError'
      ? ` (no answer within ${seconds(timeoutMs)})`
      : ''
  return `Could not reach ${service}${why} to look up ${what}; enter the details by hand, or try again later.`
}

/** Runs `work` on every item, at most `limit` at a time; results in the items' order. */
async function mapLimited<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** Looks up DOIs and PMIDs for one running app (see {@link lookupFor}). */
export class ReferenceLookup {
  private readonly cache = new Map<string, Cached>()

  constructor(private readonly settings: LookupSettings) {}

  private cached(key: string): Cached['value'] | undefined {
    const hit = this.cache.get(key)
    if (!hit) {
      return undefined
    }
    if (hit.expires < Date.now()) {
      this.cache.delete(key)
      return undefined
    }
    // Most recently used last: the first key is the one to drop.
    this.cache.delete(key)
    this.cache.set(key, hit)
    return hit.value
  }

  private remember(key: string, value: Cached['value']): void {
    if (this.settings.cacheSize <= 0) {
      return
    }
    this.cache.set(key, { value, expires: Date.now() + this.settings.cacheTtlMs })
    while (this.cache.size > this.settings.cacheSize) {
      const oldest = this.cache.keys().next().value
      if (oldest === undefined) {
        break
      }
      this.cache.delete(oldest)
    }
  }

  private get(url: URL, accept: string, deadline?: AbortSignal): Promise<Response> {
    const contact = this.settings.contactEmail
    const timeout = AbortSignal.timeout(this.settings.timeoutMs)
    return fetch(url, {
      headers: {
        Accept: accept,
        'User-Agent': `Cited (Payload plugin)${contact ? ` mailto:${contact}` : ''}`,
      },
      signal: deadline ? AbortSignal.any([timeout, deadline]) : timeout,
    })
  }

  /**
   * The DOIs and PMIDs of one import, by DOI and by PMID, all within `deadlineMs`: what is not
   * answered by then fails with "did not answer in time".
   */
  async all(
    dois: string[],
    pmids: string[],
  ): Promise<{ byDoi: Map<string, LookupResult>; byPmid: Map<string, LookupResult> }> {
    const deadline = AbortSignal.timeout(this.settings.deadlineMs)
    const [byDoi, byPmid] = await Promise.all([
      this.dois(dois, deadline),
      this.pmids(pmids, deadline),
    ])
    return { byDoi, byPmid }
  }

  /**
   * One DOI (normalised: lower case, no prefix) at Crossref. The whole DOI is one path segment
   * (its `/` encoded too), so no DOI — `10.5555/../../x` — can point the request elsewhere.
   */
  async doi(doi: string, deadline?: AbortSignal): Promise<LookupResult> {
    const key = `doi:${doi}`
    const hit = this.cached(key)
    if (hit) {
      return hit
    }
    if (deadline?.aborted) {
      return { message: tooLate('Crossref', `DOI ${doi}`) }
    }
    const url = new URL(`${this.settings.crossrefUrl}/works/${encodeURIComponent(doi)}`)
    if (this.settings.contactEmail) {
      url.searchParams.set('mailto', this.settings.contactEmail)
    }
    let body: unknown
    try {
      const response = await this.get(url, 'application/json', deadline)
      if (response.status === 404) {
        await response.body?.cancel()
        return {
          message: `No DOI ${doi} found at Crossref. Check the DOI for typos, or enter the details by hand.`,
        }
      }
      if (!response.ok) {
        await response.body?.cancel()
        return {
          message: `Crossref could not look up DOI ${doi} (it answered ${response.status}); try again later, or enter the details by hand.`,
        }
      }
      const text = await readCapped(response, MAX_ANSWER_BYTES)
      if (text === undefined) {
        return {
          message: `Crossref's answer for DOI ${doi} is too large to read; enter the details by hand.`,
        }
      }
      body = JSON.parse(text)
    } catch (error) {
      if (error instanceof SyntaxError) {
        body = undefined
      } else if (deadline?.aborted) {
        return { message: tooLate('Crossref', `DOI ${doi}`) }
      } else {
        return { message: unreachable('Crossref', `DOI ${doi}`, error, this.settings.timeoutMs) }
      }
    }
    const csl = crossrefWorkToCsl(body, doi)
    if (!csl) {
      return {
        message: `Crossref's answer for DOI ${doi} could not be read; enter the details by hand.`,
      }
    }
    const value = { csl }
    this.remember(key, value)
    return value
  }

  /** Many DOIs, a few at a time, by DOI (those not started or answered by `deadline` fail). */
  async dois(dois: string[], deadline?: AbortSignal): Promise<Map<string, LookupResult>> {
    const unique = [...new Set(dois)]
    const results = await mapLimited(unique, DOI_CONCURRENCY, (doi) => this.doi(doi, deadline))
    return new Map(unique.map((doi, index) => [doi, results[index]]))
  }

  /** PubMed IDs (digits) at NCBI, in batches, by PMID (those not answered by `deadline` fail). */
  async pmids(pmids: string[], deadline?: AbortSignal): Promise<Map<string, LookupResult>> {
    const results = new Map<string, LookupResult>()
    const missing: string[] = []
    for (const pmid of new Set(pmids)) {
      const hit = this.cached(`pmid:${pmid}`)
      if (hit) {
        results.set(pmid, hit)
      } else {
        missing.push(pmid)
      }
    }
    for (let start = 0; start < missing.length; start += PMIDS_PER_REQUEST) {
      const batch = missing.slice(start, start + PMIDS_PER_REQUEST)
      for (const [pmid, result] of await this.fetchPmids(batch, deadline)) {
        results.set(pmid, result)
      }
    }
    return results
  }

  private async fetchPmids(
    batch: string[],
    deadline?: AbortSignal,
  ): Promise<Map<string, LookupResult>> {
    const url = new URL(`${this.settings.ncbiUrl}/efetch.fcgi`)
    url.searchParams.set('db', 'pubmed')
    url.searchParams.set('id', batch.join(','))
    url.searchParams.set('rettype', 'medline')
    url.searchParams.set('retmode', 'text')
    url.searchParams.set('tool', 'cited')
    if (this.settings.contactEmail) {
      url.searchParams.set('email', this.settings.contactEmail)
    }
    const all = (message: (pmid: string) => string) =>
      new Map<string, LookupResult>(batch.map((pmid) => [pmid, { message: message(pmid) }]))
    if (deadline?.aborted) {
      return all((pmid) => tooLate('PubMed (NCBI)', `PMID ${pmid}`))
    }
    let text: string
    try {
      const response = await this.get(url, 'text/plain', deadline)
      if (response.status === 429) {
        await response.body?.cancel()
        return all(
          (pmid) =>
            `PubMed (NCBI) is busy and refused to look up PMID ${pmid} just now; try again in a minute, or enter the details by hand.`,
        )
      }
      if (!response.ok) {
        await response.body?.cancel()
        return all(
          (pmid) =>
            `PubMed (NCBI) could not look up PMID ${pmid} (it answered ${response.status}); try again later, or enter the details by hand.`,
        )
      }
      const answer = await readCapped(
        response,
        Math.max(MAX_ANSWER_BYTES, batch.length * MAX_MEDLINE_BYTES_PER_PMID),
      )
      if (answer === undefined) {
        return all(
          (pmid) =>
            `PubMed's (NCBI) answer for PMID ${pmid} is too large to read; enter the details by hand.`,
        )
      }
      text = answer
    } catch (error) {
      if (deadline?.aborted) {
        return all((pmid) => tooLate('PubMed (NCBI)', `PMID ${pmid}`))
      }
      return all((pmid) =>
        unreachable('PubMed (NCBI)', `PMID ${pmid}`, error, this.settings.timeoutMs),
      )
    }
    const byPmid = new Map(parseMedline(text).map((record) => [record.csl.PMID, record]))
    return new Map(
      batch.map((pmid): [string, LookupResult] => {
        const record = byPmid.get(pmid)
        if (!record) {
          return [
            pmid,
            {
              message: `No PubMed record with PMID ${pmid} found at NCBI. Check the number, or enter the details by hand.`,
            },
          ]
        }
        const value = { csl: record.csl, hints: record.hints }
        this.remember(`pmid:${pmid}`, value)
        return [pmid, value]
      }),
    )
  }
}

/** One lookup (and cache) per options object, i.e. per running Payload config. */
const lookups = new WeakMap<object, ReferenceLookup>()

/** The lookup of the running app whose sanitised options are `options`. */
export function lookupFor(options: SanitizedCitedOptions): ReferenceLookup {
  let lookup = lookups.get(options.referenceLookup)
  if (!lookup) {
    lookup = new ReferenceLookup(options.referenceLookup)
    lookups.set(options.referenceLookup, lookup)
  }
  return lookup
}

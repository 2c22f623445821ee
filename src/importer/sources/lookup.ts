/**
 * Looking up a bare DOI at Crossref (`GET {crossrefUrl}/works/{doi}`, the works API's CSL-like
 * JSON) and bare PMIDs at NCBI (`{ncbiUrl}/efetch.fcgi?db=pubmed&rettype=medline&retmode=text`,
 * MEDLINE text read by `evidence/references/medline.ts`), with a timeout per request and an
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

  private get(url: URL, accept: string): Promise<Response> {
    const contact = this.settings.contactEmail
    return fetch(url, {
      headers: {
        Accept: accept,
        'User-Agent': `Cited (Payload plugin)${contact ? ` mailto:${contact}` : ''}`,
      },
      signal: AbortSignal.timeout(this.settings.timeoutMs),
    })
  }

  /** One DOI (normalised: lower case, no prefix) at Crossref. */
  async doi(doi: string): Promise<LookupResult> {
    const key = `doi:${doi}`
    const hit = this.cached(key)
    if (hit) {
      return hit
    }
    const url = new URL(
      `${this.settings.crossrefUrl}/works/${doi.split('/').map(encodeURIComponent).join('/')}`,
    )
    if (this.settings.contactEmail) {
      url.searchParams.set('mailto', this.settings.contactEmail)
    }
    let body: unknown
    try {
      const response = await this.get(url, 'application/json')
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
      body = await response.json()
    } catch (error) {
      if (error instanceof SyntaxError) {
        body = undefined
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

  /** Many DOIs, a few at a time, by DOI. */
  async dois(dois: string[]): Promise<Map<string, LookupResult>> {
    const unique = [...new Set(dois)]
    const results = await mapLimited(unique, DOI_CONCURRENCY, (doi) => this.doi(doi))
    return new Map(unique.map((doi, index) => [doi, results[index]]))
  }

  /** PubMed IDs (digits) at NCBI, in batches, by PMID. */
  async pmids(pmids: string[]): Promise<Map<string, LookupResult>> {
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
      for (const [pmid, result] of await this.fetchPmids(batch)) {
        results.set(pmid, result)
      }
    }
    return results
  }

  private async fetchPmids(batch: string[]): Promise<Map<string, LookupResult>> {
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
    let text: string
    try {
      const response = await this.get(url, 'text/plain')
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
      text = await response.text()
    } catch (error) {
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

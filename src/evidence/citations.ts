/**
 * Numbered references for an article: which sources its claims cite, numbered in order of first
 * use, each formatted in Vancouver style by citation-js (CSL) and linked (DOI, PubMed, PMC, URL).
 *
 * Pure: no Payload import. The Payload side (loading claims and sources, walking an article in
 * reading order) lives in `hooks/delivery/addReferences.ts` and `content/store.ts`.
 */
import type { CslDate, CslItem, CslName } from '@citation-js/core'

import { Cite } from '@citation-js/core'

import type { DocId } from '../shared/ids'

import '@citation-js/plugin-csl'

/** The fields of a `sources` document that a reference is made of. */
export interface SourceData {
  id: DocId
  type?: string | null
  title?: string | null
  authors?: { family?: string | null; given?: string | null }[] | null
  containerTitle?: string | null
  year?: number | null
  volume?: string | null
  issue?: string | null
  pages?: string | null
  doi?: string | null
  pmid?: string | null
  pmcid?: string | null
  url?: string | null
  isbn?: string | null
  accessed?: string | null
  publisher?: string | null
}

export type ReferenceLinkKind = 'doi' | 'pubmed' | 'pmc' | 'url'

export interface ReferenceLink {
  kind: ReferenceLinkKind
  /** What a reader sees: "doi:10.1000/x", "PMID 123", "PMC456", or the URL. */
  label: string
  href: string
}

/** One entry of an article's numbered reference list. */
export interface Reference {
  /** 1-based, in order of first use in the article. */
  number: number
  sourceId: string
  title: string
  /** The Vancouver reference as plain text, without its number. */
  formatted: string
  links: ReferenceLink[]
  /** The claims (ids) of the article that cite this source, in order of first use. */
  claimIds: string[]
}

/** Our source types as CSL item types (`references/toSource.ts` reads them the other way). */
export const CSL_TYPES: Record<string, string> = {
  'journal-article': 'article-journal',
  'systematic-review': 'article-journal',
  'web-page': 'webpage',
  book: 'book',
  report: 'report',
  guideline: 'report',
}

const present = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

function dateParts(iso: string | null | undefined): CslDate | undefined {
  const value = present(iso)
  if (!value) {
    return undefined
  }
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) {
    return undefined
  }
  return { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] }
}

function authorsOf(source: SourceData): CslName[] | undefined {
  const names = (source.authors ?? [])
    .map((author) => ({ family: present(author.family), given: present(author.given) }))
    .filter((name) => name.family !== undefined)
  return names.length > 0 ? names : undefined
}

/** A source as CSL-JSON, the input format of citation processors. Empty fields are left out. */
export function toCsl(source: SourceData): CslItem {
  const item: CslItem = {
    id: String(source.id),
    type: CSL_TYPES[source.type ?? ''] ?? 'article-journal',
    title: present(source.title),
    author: authorsOf(source),
    'container-title': present(source.containerTitle),
    issued: typeof source.year === 'number' ? { 'date-parts': [[source.year]] } : undefined,
    accessed: dateParts(source.accessed),
    volume: present(source.volume),
    issue: present(source.issue),
    page: present(source.pages),
    DOI: present(source.doi),
    PMID: present(source.pmid),
    PMCID: present(source.pmcid),
    URL: present(source.url),
    ISBN: present(source.isbn),
    publisher: present(source.publisher),
  }
  for (const key of Object.keys(item) as (keyof CslItem)[]) {
    if (item[key] === undefined) {
      delete item[key]
    }
  }
  return item
}

/** The DOI, PubMed, PubMed Central and web links of a source, in that order. */
export function referenceLinks(source: SourceData): ReferenceLink[] {
  const links: ReferenceLink[] = []
  const doi = present(source.doi)
  const pmid = present(source.pmid)
  const pmcid = present(source.pmcid)
  const url = present(source.url)
  if (doi) {
    links.push({ kind: 'doi', label: `doi:${doi}`, href: `https://doi.org/${doi}` })
  }
  if (pmid) {
    links.push({
      kind: 'pubmed',
      label: `PMID ${pmid}`,
      href: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`,
    })
  }
  if (pmcid) {
    links.push({
      kind: 'pmc',
      label: pmcid,
      href: `https://www.ncbi.nlm.nih.gov/pmc/articles/${pmcid}/`,
    })
  }
  if (url && !links.some((link) => link.href === url)) {
    links.push({ kind: 'url', label: url, href: url })
  }
  return links
}

/**
 * Vancouver references of `sources` as plain text (one citeproc run for all of them), by source
 * id. The number citeproc puts in front ("1.  ") and the trailing newline are removed: the caller
 * numbers references itself.
 */
export function formatVancouver(sources: SourceData[]): Map<string, string> {
  const formatted = new Map<string, string>()
  if (sources.length === 0) {
    return formatted
  }
  const entries = new Cite(sources.map(toCsl)).format('bibliography', {
    format: 'text',
    template: 'vancouver',
    lang: 'en-US',
    asEntryArray: true,
  })
  for (const [id, text] of entries) {
    formatted.set(
      id,
      text
        .replace(/^\s*\d+\.\s*/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
  }
  return formatted
}

/** The outcome of {@link numberSources}. */
export interface Numbering {
  /** Source ids in order of first use: the source of reference n is `sourceIds[n - 1]`. */
  sourceIds: string[]
  /** Reference numbers of each claim (by claim id), ascending. Claims citing nothing get `[]`. */
  numbersByClaim: Map<string, number[]>
  /** The claims citing each source (by source id), in order of first use. */
  claimsBySource: Map<string, string[]>
}

/**
 * Numbers the sources cited by claims used in `claimOrder` (claim ids in reading order, repeats
 * allowed): the first source met gets 1, and so on. A claim's numbers are those of its sources.
 * Claims missing from `sourcesByClaim` (not approved, deleted) cite nothing.
 */
export function numberSources(
  claimOrder: DocId[],
  sourcesByClaim: ReadonlyMap<string, readonly DocId[]>,
): Numbering {
  const numberOf = new Map<string, number>()
  const numbersByClaim = new Map<string, number[]>()
  const claimsBySource = new Map<string, string[]>()
  for (const rawClaim of claimOrder) {
    const claim = String(rawClaim)
    if (numbersByClaim.has(claim)) {
      continue
    }
    const numbers = new Set<number>()
    for (const rawSource of sourcesByClaim.get(claim) ?? []) {
      const source = String(rawSource)
      let number = numberOf.get(source)
      if (number === undefined) {
        number = numberOf.size + 1
        numberOf.set(source, number)
        claimsBySource.set(source, [])
      }
      numbers.add(number)
      const citing = claimsBySource.get(source)
      if (citing && !citing.includes(claim)) {
        citing.push(claim)
      }
    }
    numbersByClaim.set(
      claim,
      [...numbers].sort((a, b) => a - b),
    )
  }
  return { sourceIds: [...numberOf.keys()], numbersByClaim, claimsBySource }
}

/**
 * The numbered reference list: `numbering` joined with the sources' data. A source id without
 * data (deleted since) keeps its number with a placeholder text, so numbers never shift.
 */
export function buildReferences(numbering: Numbering, sources: readonly SourceData[]): Reference[] {
  const byId = new Map(sources.map((source) => [String(source.id), source]))
  const known = numbering.sourceIds
    .map((id) => byId.get(id))
    .filter((s): s is SourceData => s !== undefined)
  const formatted = formatVancouver(known)
  return numbering.sourceIds.map((id, index) => {
    const source = byId.get(id)
    return {
      number: index + 1,
      sourceId: id,
      title: present(source?.title) ?? 'Source unavailable',
      formatted: formatted.get(id) ?? 'Source unavailable.',
      links: source ? referenceLinks(source) : [],
      claimIds: numbering.claimsBySource.get(id) ?? [],
    }
  })
}

/**
 * CSL-JSON → the fields of a `sources` document: the inverse of `toCsl` in `../citations.ts`,
 * whose type mapping (`CSL_TYPES`) it reads the other way. Values are taken as given; the
 * sources collection normalises and validates them (DOI, PMID, ISBN, URL, year) when the
 * source is created.
 *
 * Pure: no Payload import.
 */
import type { CslItem } from '@citation-js/core'

import type { SourceHints } from './medline'

import { CSL_TYPES } from '../citations'
import { isMoreAuthors, yearOf } from './csl'

/** What a new source is made of (the `sources` fields; empty ones left out). */
export interface SourceDraft {
  type: string
  title: string
  authors?: { family: string; given?: string }[]
  containerTitle?: string
  year?: number
  volume?: string
  issue?: string
  pages?: string
  doi?: string
  pmid?: string
  pmcid?: string
  url?: string
  isbn?: string
  accessed?: string
  publisher?: string
  studyType?: string
}

/** CSL item types as our source types: `CSL_TYPES` reversed (first of ours wins), then the rest. */
const SOURCE_TYPES_BY_CSL: Record<string, string> = {
  article: 'journal-article',
  'article-magazine': 'journal-article',
  'article-newspaper': 'journal-article',
  'paper-conference': 'journal-article',
  review: 'journal-article',
  chapter: 'book',
  post: 'web-page',
  'post-weblog': 'web-page',
  ...Object.fromEntries(
    Object.entries(CSL_TYPES)
      .reverse()
      .map(([ours, csl]) => [csl, ours]),
  ),
}

/** The source type of a CSL item type; anything we have no type for is a journal article. */
export const sourceTypeOf = (cslType: string | undefined): string =>
  SOURCE_TYPES_BY_CSL[cslType ?? ''] ?? 'journal-article'

const isoDate = (item: CslItem['accessed']): string | undefined => {
  const [year, month = 1, day = 1] = item?.['date-parts'][0] ?? []
  if (typeof year !== 'number' || typeof month !== 'number' || typeof day !== 'number') {
    return undefined
  }
  const date = new Date(Date.UTC(year, month - 1, day))
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

export type SourceDraftResult = { draft: SourceDraft } | { message: string }

/** A CSL item as a new source, or why it cannot be one (no title). */
export function sourceFromCsl(item: CslItem, hints: SourceHints = {}): SourceDraftResult {
  const title = item.title?.trim()
  if (!title) {
    return {
      message:
        'This reference has no title. Add the title to the reference (or enter the source by hand).',
    }
  }
  const draft: SourceDraft = {
    type: hints.type ?? sourceTypeOf(item.type),
    title,
    authors: item.author
      ?.filter((name) => (name.family ?? name.literal) && !isMoreAuthors(name))
      .map((name) => {
        const family = (name.family ?? name.literal) as string
        return name.given ? { family, given: name.given } : { family }
      }),
    containerTitle: item['container-title'],
    year: yearOf(item.issued),
    volume: item.volume,
    issue: item.issue,
    pages: item.page,
    doi: item.DOI,
    pmid: item.PMID,
    pmcid: item.PMCID,
    url: item.URL,
    isbn: item.ISBN,
    accessed: isoDate(item.accessed),
    publisher: item.publisher,
    studyType: hints.studyType,
  }
  if (draft.authors?.length === 0) {
    delete draft.authors
  }
  for (const key of Object.keys(draft) as (keyof SourceDraft)[]) {
    if (draft[key] === undefined) {
      delete draft[key]
    }
  }
  return { draft }
}

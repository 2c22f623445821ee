/**
 * Crossref's works API (`GET https://api.crossref.org/works/{doi}` → `{ status: 'ok', message }`)
 * read as CSL-JSON. The message is CSL-like: the same field names, but titles are lists and types
 * are Crossref's own (`journal-article`, `book-chapter`, …), so those are translated here.
 *
 * Pure: the request itself is made by `importer/sources/lookup.ts`.
 */
import type { CslItem } from '@citation-js/core'

import { isObject, normaliseCsl } from './csl'

/** Crossref work types as CSL item types (https://api.crossref.org/types). */
const CROSSREF_TYPES: Record<string, string> = {
  'journal-article': 'article-journal',
  'book-chapter': 'chapter',
  'book-section': 'chapter',
  'book-part': 'chapter',
  'edited-book': 'book',
  monograph: 'book',
  'reference-book': 'book',
  book: 'book',
  'proceedings-article': 'paper-conference',
  'posted-content': 'article',
  report: 'report',
  'report-component': 'report',
  standard: 'standard',
  dataset: 'dataset',
  dissertation: 'thesis',
}

/** The work in a Crossref answer, or undefined when the answer is not one (`status` not `ok`). */
export function crossrefWorkToCsl(body: unknown, doi: string): CslItem | undefined {
  if (!isObject(body) || body.status !== 'ok' || !isObject(body.message)) {
    return undefined
  }
  const message = body.message
  const type = typeof message.type === 'string' ? message.type : ''
  const item = normaliseCsl({ ...message, type: CROSSREF_TYPES[type] ?? 'article-journal' }, doi)
  // Crossref's URL is the DOI's own link (http://dx.doi.org/…): the DOI already links there.
  if (item.URL && /^https?:\/\/(?:dx\.)?doi\.org\//i.test(item.URL)) {
    delete item.URL
  }
  item.DOI ??= doi
  return item
}

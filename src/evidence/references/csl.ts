/**
 * Loose CSL-JSON as other tools write it (citation-js' BibTeX and RIS readers, a pasted CSL-JSON
 * file, Crossref's works API, our MEDLINE reader) made into the `CslItem` Cited reads: titles
 * that are arrays become their first string, numbers become text, names without a family name
 * are dropped (and so are BibTeX's "and others" and "et al."), the year is found in `issued` (or
 * Crossref's `published-print` and friends), and a URL that is only the DOI's doi.org link is
 * dropped (the DOI links there already).
 *
 * Pure: no Payload import.
 */
import type { CslDate, CslItem, CslName } from '@citation-js/core'

import { normaliseDoi } from '../locators'

type Loose = Record<string, unknown>

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** `<i>Title</i>` → `Title`; the handful of entities Crossref sends; whitespace collapsed. */
export function plainText(value: string): string {
  return value
    .replace(/<\/?[a-z][\w:-]*(?:\s[^<>]*)?>/gi, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A text value: a string, a number, or the first of a list of them. Empty is undefined. */
export function textOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value.find((item) => textOf(item) !== undefined) : value
  if (typeof first === 'number' && Number.isFinite(first)) {
    return String(first)
  }
  if (typeof first !== 'string') {
    return undefined
  }
  const text = plainText(first)
  return text === '' ? undefined : text
}

/** "others" (BibTeX's `and others`) and "et al.": no person, but "more authors than these". */
const MORE_AUTHORS = /^(?:and\s+)?(?:others|et\.?\s*al(?:ii|ia)?\.?)$/i

/** Whether a CSL name stands for "and others" rather than a person. */
export function isMoreAuthors(value: object): boolean {
  const name = value as Loose
  const whole = [
    name.given,
    name['dropping-particle'],
    name['non-dropping-particle'],
    name.family,
    name.literal,
    name.name,
  ]
    .map(textOf)
    .filter((part) => part !== undefined)
    .join(' ')
  return MORE_AUTHORS.test(whole.trim())
}

function namesOf(value: unknown): CslName[] | undefined {
  if (!Array.isArray(value)) {
    return undefined
  }
  const names: CslName[] = []
  for (const raw of value) {
    if (!isObject(raw) || isMoreAuthors(raw)) {
      continue
    }
    const family = textOf(raw.family) ?? textOf(raw.literal) ?? textOf(raw.name)
    const given = textOf(raw.given)
    if (family) {
      names.push(given ? { family, given } : { family })
    } else if (given) {
      names.push({ family: given })
    }
  }
  return names.length > 0 ? names : undefined
}

function dateOf(value: unknown): CslDate | undefined {
  if (!isObject(value)) {
    return undefined
  }
  const parts = value['date-parts']
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const first = (parts[0] as unknown[])
      .map((part) => (typeof part === 'string' ? Number.parseInt(part, 10) : part))
      .filter((part): part is number => typeof part === 'number' && Number.isFinite(part))
    if (first.length > 0) {
      return { 'date-parts': [first] }
    }
  }
  // `{ raw: '2012-10-22' }`, `{ literal: 'Spring 2012' }`: the year is what we keep.
  const text = textOf(value.raw) ?? textOf(value.literal)
  const year = text?.match(/\b(1[89]\d\d|20\d\d|2100)\b/)?.[1]
  return year ? { 'date-parts': [[Number(year)]] } : undefined
}

/** The year of a CSL date, if it has one. */
export const yearOf = (date: CslDate | undefined): number | undefined => {
  const year = date?.['date-parts'][0]?.[0]
  return typeof year === 'number' ? year : undefined
}

/** Any CSL-JSON-like object as a `CslItem` (`fallbackId` when it has no id of its own). */
export function normaliseCsl(raw: Loose, fallbackId: string): CslItem {
  const item: CslItem = {
    id: textOf(raw.id) ?? fallbackId,
    type: textOf(raw.type) ?? 'article-journal',
    title: textOf(raw.title),
    author: namesOf(raw.author),
    'container-title':
      textOf(raw['container-title']) ??
      textOf(raw['container-title-short']) ??
      textOf(raw.journalAbbreviation),
    issued:
      dateOf(raw.issued) ??
      dateOf(raw['published-print']) ??
      dateOf(raw['published-online']) ??
      dateOf(raw.published),
    accessed: dateOf(raw.accessed),
    volume: textOf(raw.volume),
    issue: textOf(raw.issue) ?? textOf(raw.number),
    page: textOf(raw.page),
    DOI: textOf(raw.DOI) ?? textOf(raw.doi),
    PMID: textOf(raw.PMID) ?? textOf(raw.pmid),
    PMCID: textOf(raw.PMCID) ?? textOf(raw.pmcid),
    URL: textOf(raw.URL) ?? textOf(raw.url),
    ISBN: textOf(raw.ISBN) ?? textOf(raw.isbn),
    publisher: textOf(raw.publisher),
  }
  // Zotero and others put the DOI's own link in `url`: the DOI already links there.
  if (item.URL && item.DOI && isLinkOfDoi(item.URL, item.DOI)) {
    delete item.URL
  }
  for (const key of Object.keys(item) as (keyof CslItem)[]) {
    if (item[key] === undefined) {
      delete item[key]
    }
  }
  return item
}

/** Whether `url` is `doi`'s doi.org link (`https://doi.org/10.1000/ABC`, `%2F` or not). */
function isLinkOfDoi(url: string, doi: string): boolean {
  const link = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(url.trim())?.[1]
  if (!link) {
    return false
  }
  let linked = link
  try {
    linked = decodeURIComponent(link)
  } catch {
    // not URL-encoded
  }
  return normaliseDoi(linked) === normaliseDoi(doi)
}

export { isObject }

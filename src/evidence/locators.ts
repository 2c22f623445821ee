/**
 * Reference locators (DOI, PMID, PMCID, URL, ISBN): normalisation and validation.
 * Pure functions; messages are written for the marketer who typed the value.
 */

const DOI_PREFIXES = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i

/** "https://doi.org/10.1000/ABC" → "10.1000/abc". DOIs are case-insensitive. */
export function normaliseDoi(input: string): string {
  return input.trim().replace(DOI_PREFIXES, '').trim().toLowerCase()
}

export function doiError(doi: string): string | null {
  if (!/^10\.\d{4,9}\/\S+$/.test(doi)) {
    return `“${doi}” is not a DOI. A DOI looks like 10.1001/jamainternmed.2018.3787 (the https://doi.org/ part is optional).`
  }
  return null
}

export function normalisePmid(input: string): string {
  return input.trim().replace(/^pmid:\s*/i, '')
}

export function pmidError(pmid: string): string | null {
  if (!/^\d{1,9}$/.test(pmid)) {
    return `“${pmid}” is not a PubMed ID. A PMID is digits only, e.g. 30198937.`
  }
  return null
}

export function normalisePmcid(input: string): string {
  const trimmed = input.trim().toUpperCase()
  return /^\d+$/.test(trimmed) ? `PMC${trimmed}` : trimmed
}

export function pmcidError(pmcid: string): string | null {
  if (!/^PMC\d{1,9}$/.test(pmcid)) {
    return `“${pmcid}” is not a PubMed Central ID. It looks like PMC6142977.`
  }
  return null
}

/** Only http(s) links are accepted: `javascript:` and `data:` URLs would run in a reader's browser. */
export function urlError(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return `“${url}” is not a web address. Use a full link starting with https://.`
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `Links must start with http:// or https:// (found “${parsed.protocol}”).`
  }
  return null
}

/** Protocols a link in an article's text may have besides http(s): they open a mail or phone app. */
const LINK_PROTOCOLS = new Set(['mailto:', 'tel:'])

/**
 * The rule of {@link urlError} for a link inside an article's text, which may also be relative
 * ("/contact", "#section", "page.html") or `mailto:`/`tel:`: any other protocol (`javascript:`,
 * `data:`, `vbscript:`, …) is refused, as browsers would run or render it.
 */
export function linkUrlError(url: string): string | null {
  const trimmed = url.trim()
  let parsed: URL
  try {
    // Resolved against a base, a relative link keeps the base's protocol; browsers strip the
    // same tabs, line breaks and leading spaces the URL parser does ("java\tscript:").
    parsed = new URL(trimmed, 'https://relative.invalid/')
  } catch {
    return `“${url}” is not a web address. Use a full link starting with https://.`
  }
  if (LINK_PROTOCOLS.has(parsed.protocol) || parsed.host === 'relative.invalid') {
    return parsed.protocol === 'https:' || LINK_PROTOCOLS.has(parsed.protocol)
      ? null
      : `Links must start with http:// or https:// (found “${parsed.protocol}”).`
  }
  return urlError(parsed.href)
}

export function normaliseIsbn(input: string): string {
  return input
    .trim()
    .replace(/^isbn(?:-1[03])?:?\s*/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase()
}

export function isbnError(isbn: string): string | null {
  if (/^\d{9}[\dX]$/.test(isbn)) {
    const sum = [...isbn].reduce((acc, ch, i) => acc + (ch === 'X' ? 10 : Number(ch)) * (10 - i), 0)
    return sum % 11 === 0 ? null : `“${isbn}” is not a valid ISBN-10 (check digit).`
  }
  if (/^\d{13}$/.test(isbn)) {
    const sum = [...isbn].reduce((acc, ch, i) => acc + Number(ch) * (i % 2 === 0 ? 1 : 3), 0)
    return sum % 10 === 0 ? null : `“${isbn}” is not a valid ISBN-13 (check digit).`
  }
  return `“${isbn}” is not an ISBN. Use the 10- or 13-digit number from the book.`
}

export interface Locators {
  doi?: string | null
  pmid?: string | null
  url?: string | null
  isbn?: string | null
}

export const hasLocator = (source: Locators): boolean =>
  [source.doi, source.pmid, source.url, source.isbn].some((value) => Boolean(value && value.trim()))

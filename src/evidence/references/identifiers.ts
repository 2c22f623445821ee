/**
 * A pasted list of DOIs and PubMed IDs, one per line or separated by spaces, commas or
 * semicolons (a numbered list's "[1]" or "1." ignored): `10.1001/x`, `doi:10.1001/x`,
 * `https://doi.org/10.1001/x`, `30198937`, `PMID: 30198937`,
 * `https://pubmed.ncbi.nlm.nih.gov/30198937/`. A line that is more than
 * identifiers (a formatted reference, say) counts once, by the DOI or PMID it mentions. A DOI
 * keeps the brackets, `;`, `<` and `>` it contains (SICI DOIs); a closing bracket or full stop
 * around it is dropped.
 *
 * Pure: no Payload import.
 */
import { doiError, normaliseDoi } from '../locators'

export type IdentifierEntry =
  | { input: string; kind: 'doi'; doi: string }
  | { input: string; kind: 'error'; message: string }
  | { input: string; kind: 'pmid'; pmid: string }

const PMID_LINK =
  /^https?:\/\/(?:pubmed\.ncbi\.nlm\.nih\.gov|(?:www\.)?ncbi\.nlm\.nih\.gov\/pubmed)\/(\d{1,9})\/?$/i
/** A `;` that separates rather than belongs to a DOI: before a space, the end, or the next id. */
const SEMICOLON_ENDS = String.raw`;(?:\s|$|10\.\d{4,9}\/|doi:|https?:|pmid:)`
/**
 * A DOI in running text: everything up to the next space or quote (or a `;` that ends it),
 * brackets and `;<>` included — SICI DOIs such as
 * `10.1002/(SICI)1097-0258(19980815/30)17:15/16<1661::AID-SIM968>3.0.CO;2-2` have them all;
 * what ends the sentence is trimmed off by {@link trimDoiEnd}.
 */
const DOI_IN_TEXT = new RegExp(String.raw`\b10\.\d{4,9}\/(?:(?!${SEMICOLON_ENDS})[^\s"“”])+`, 'i')
const PMID_IN_TEXT = /\bPMID:?\s*(\d{1,9})\b/i
/**
 * The tokens of an identifier list: a DOI (with its prefix and any bracket or quote before it)
 * up to a space, comma, quote or separating `;`; anything else up to a space, comma or `;`.
 */
const TOKEN = new RegExp(
  String.raw`[([{<"'“‘]*(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\/(?:(?!${SEMICOLON_ENDS})[^\s,"“”])+|[^\s,;]+`,
  'gi',
)
/** "[1] ", "(1) ", "1. ", "1) " before a numbered reference. */
const LIST_MARKER = /^(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])\s+(?=\S)/

const OPENERS: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' }

const count = (value: string, char: string): number => value.split(char).length - 1

/**
 * A DOI (or token) without what ends the sentence around it: trailing `.,;:` and quotes, and a
 * closing bracket only when it has no opening one in the value — `10.1016/S0140-6736(20)30183-5`
 * keeps its `)`, `(doi: 10.1001/x)` loses it.
 */
export function trimDoiEnd(value: string): string {
  let end = value
  for (;;) {
    const last = end.at(-1) ?? ''
    if (/[.,;:'"’”]/.test(last)) {
      end = end.slice(0, -1)
    } else if (last in OPENERS && count(end, last) > count(end, OPENERS[last])) {
      end = end.slice(0, -1)
    } else {
      return end
    }
  }
}

/** `value` as a normalised DOI (lower case, no prefix, URL-decoded) when it is one. */
function doiOf(value: string): string | undefined {
  let doi = normaliseDoi(value)
  if (/%2f/i.test(doi)) {
    try {
      doi = decodeURIComponent(doi)
    } catch {
      // not URL-encoded after all
    }
  }
  return doiError(doi) === null ? doi : undefined
}

/** One token as a DOI or a PMID, or undefined. */
function identifierOf(token: string): IdentifierEntry | undefined {
  const value = trimDoiEnd(token.replace(/^[([{<"'“‘]+/, ''))
  const pmid = /^(?:pmid:)?(\d{1,9})$/i.exec(value) ?? PMID_LINK.exec(value)
  if (pmid) {
    return { input: token, kind: 'pmid', pmid: pmid[1] }
  }
  const doi = doiOf(value)
  return doi ? { input: token, kind: 'doi', doi } : undefined
}

/** The first DOI mentioned anywhere in `line`, if any. */
export function doiInText(line: string): string | undefined {
  const found = DOI_IN_TEXT.exec(line)?.[0]
  return found ? doiOf(trimDoiEnd(found)) : undefined
}

/** The entries of a pasted identifier list, in order. */
export function parseIdentifiers(text: string): IdentifierEntry[] {
  const entries: IdentifierEntry[] = []
  for (const rawLine of text.split(/\r?\n/)) {
    // "PMID: 123" and "doi: 10.1/x" are one token each.
    const line = rawLine
      .trim()
      .replace(LIST_MARKER, '')
      .replace(/\b(pmid|doi)\s*:\s*/gi, (_, key: string) => `${key}:`)
    if (line === '') {
      continue
    }
    const tokens = line.match(TOKEN) ?? []
    const identifiers = tokens.map(identifierOf)
    if (identifiers.every((entry) => entry !== undefined)) {
      entries.push(...identifiers)
      continue
    }
    const doi = doiInText(line)
    const pmid = PMID_IN_TEXT.exec(rawLine)?.[1]
    const input = rawLine.trim()
    if (doi) {
      entries.push({ input, kind: 'doi', doi })
    } else if (pmid) {
      entries.push({ input, kind: 'pmid', pmid })
    } else {
      entries.push({
        input,
        kind: 'error',
        message: `“${input.length > 80 ? `${input.slice(0, 80)}…` : input}” is neither a DOI (like 10.1001/jamainternmed.2018.3787) nor a PubMed ID (digits, like 30198937).`,
      })
    }
  }
  return entries
}

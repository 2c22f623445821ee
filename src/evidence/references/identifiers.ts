/**
 * A pasted list of DOIs and PubMed IDs, one per line or separated by spaces, commas or
 * semicolons: `10.1001/x`, `doi:10.1001/x`, `https://doi.org/10.1001/x`, `30198937`,
 * `PMID: 30198937`, `https://pubmed.ncbi.nlm.nih.gov/30198937/`. A line that is more than
 * identifiers (a formatted reference, say) counts once, by the DOI or PMID it mentions.
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
const DOI_IN_TEXT = /\b(10\.\d{4,9}\/[^\s"<>]+)/
const PMID_IN_TEXT = /\bPMID:?\s*(\d{1,9})\b/i

/** Punctuation that ends a sentence, not a DOI. */
const trimEnd = (value: string): string => value.replace(/[.,;:]+$/, '')

/** One token as a DOI or a PMID, or undefined. */
function identifierOf(token: string): IdentifierEntry | undefined {
  const value = trimEnd(token.replace(/^[<"'“]+|[>"'”]+$/g, ''))
  const pmid = /^(?:pmid:)?(\d{1,9})$/i.exec(value) ?? PMID_LINK.exec(value)
  if (pmid) {
    return { input: token, kind: 'pmid', pmid: pmid[1] }
  }
  let doi = normaliseDoi(value)
  if (/%2f/i.test(doi)) {
    try {
      doi = decodeURIComponent(doi)
    } catch {
      // not URL-encoded after all
    }
  }
  return doiError(doi) === null ? { input: token, kind: 'doi', doi } : undefined
}

/** The entries of a pasted identifier list, in order. */
export function parseIdentifiers(text: string): IdentifierEntry[] {
  const entries: IdentifierEntry[] = []
  for (const rawLine of text.split(/\r?\n/)) {
    // "PMID: 123" and "doi: 10.1/x" are one token each.
    const line = rawLine.trim().replace(/\b(pmid|doi)\s*:\s*/gi, (_, key: string) => `${key}:`)
    if (line === '') {
      continue
    }
    const tokens = line.split(/[\s,;]+/).filter((token) => token !== '')
    const identifiers = tokens.map(identifierOf)
    if (identifiers.every((entry) => entry !== undefined)) {
      entries.push(...identifiers)
      continue
    }
    const doi = DOI_IN_TEXT.exec(line)?.[1]
    const pmid = PMID_IN_TEXT.exec(rawLine)?.[1]
    const input = rawLine.trim()
    if (doi && doiError(normaliseDoi(trimEnd(doi))) === null) {
      entries.push({ input, kind: 'doi', doi: normaliseDoi(trimEnd(doi)) })
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

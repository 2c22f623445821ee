/**
 * Pasted references → entries: the format is detected (BibTeX, RIS, CSL-JSON, MEDLINE/.nbib, or
 * a list of DOIs and PMIDs), and each reference becomes one entry — CSL-JSON to map onto a
 * source, a DOI or PMID to look up, or a sentence saying why it could not be read. One entry
 * that cannot be read never stops the others.
 *
 * BibTeX and RIS are read by citation-js (`@citation-js/plugin-bibtex`, `@citation-js/plugin-ris`)
 * one entry at a time, MEDLINE by `medline.ts` (no citation-js plugin fits core 0.7).
 *
 * Pure: no Payload import.
 */
import type { CslItem } from '@citation-js/core'

import { plugins } from '@citation-js/core'

import type { SourceHints } from './medline'

import { isObject, normaliseCsl } from './csl'
import { parseIdentifiers } from './identifiers'
import { isMedline, parseMedline } from './medline'

import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'

export type ReferenceFormat = 'bibtex' | 'csl-json' | 'identifiers' | 'medline' | 'ris'

/** What each format is called in messages. */
export const FORMAT_NAMES: Record<ReferenceFormat, string> = {
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  medline: 'PubMed (MEDLINE/.nbib)',
  identifiers: 'DOIs and PMIDs',
}

interface EntryBase {
  /** 1-based position in the pasted text. */
  entry: number
  /** The entry's text as pasted (at most {@link MAX_INPUT_ECHO} characters). */
  input: string
}

export type ReferenceEntry = EntryBase &
  (
    | { kind: 'doi'; doi: string }
    | { kind: 'error'; message: string }
    | { kind: 'pmid'; pmid: string }
    | { kind: 'record'; csl: CslItem; hints?: SourceHints }
  )

/** Without position and echo: what a format reader returns per entry. */
type Parsed =
  | { input: string; kind: 'doi'; doi: string }
  | { input: string; kind: 'error'; message: string }
  | { input: string; kind: 'pmid'; pmid: string }
  | { input: string; kind: 'record'; csl: CslItem; hints?: SourceHints }

export interface ParsedReferences {
  format: ReferenceFormat
  entries: ReferenceEntry[]
}

/** The whole text cannot be read: nothing in it is a reference (answered with a 400). */
export class UnreadableReferencesError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnreadableReferencesError'
  }
}

export const MAX_INPUT_ECHO = 500

export const NOTHING_FOUND =
  'We found no references in this text. Paste BibTeX, RIS, CSL-JSON, a PubMed export (MEDLINE/.nbib), or DOIs and PubMed IDs, one per line.'

const BIBTEX_ENTRY = /^[ \t]*@[a-z]+[ \t]*[{(]/im
const RIS_TYPE = /^TY {1,2}-/m
/** How CSL-JSON starts: a list of objects, an object with a key, or an empty list or object. */
const CSL_JSON_START = /^(?:\[\s*(?:\{|\]$)|\{\s*(?:"|\}$))/

/**
 * Whether `text` is meant as CSL-JSON: it starts like a JSON list of objects or an object (even
 * when broken further on, which is then reported), or it is JSON. A numbered reference list
 * ("[1] Vickers AJ…") starts with a bracket too, and is not.
 */
function isCslJson(text: string): boolean {
  if (CSL_JSON_START.test(text)) {
    return true
  }
  if (!/^[[{]/.test(text)) {
    return false
  }
  try {
    const data: unknown = JSON.parse(text)
    return typeof data === 'object' && data !== null
  } catch {
    return false
  }
}

/** Which format `text` is in, or undefined when it is none of them. */
export function detectReferenceFormat(text: string): ReferenceFormat | undefined {
  const trimmed = text.trim()
  if (trimmed === '') {
    return undefined
  }
  if (isCslJson(trimmed)) {
    return 'csl-json'
  }
  if (isMedline(trimmed)) {
    return 'medline'
  }
  if (BIBTEX_ENTRY.test(trimmed)) {
    return 'bibtex'
  }
  if (RIS_TYPE.test(trimmed)) {
    return 'ris'
  }
  return parseIdentifiers(trimmed).some((entry) => entry.kind !== 'error')
    ? 'identifiers'
    : undefined
}

/** citation-js' reason without its position and code excerpt ("invalid syntax", "expected …"). */
const reasonOf = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error))
    .split('\n')[0]
    .replace(/\s+at line \d+ col \d+:?$/, '')
    .trim()

/** Through a citation-js input plugin: a list of loose CSL-JSON items. */
function viaCitationJs(text: string, forceType: string): Record<string, unknown>[] {
  const output = plugins.input.chain(text, {
    forceType,
    target: '@csl/list+object',
    generateGraph: false,
  })
  return Array.isArray(output) ? output.filter(isObject) : []
}

function parseBibtex(text: string): Parsed[] {
  const chunks = text
    .replace(/\r\n?/g, '\n')
    .split(/^(?=[ \t]*@[a-z]+[ \t]*[{(])/im)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.startsWith('@'))
  const kindOf = (chunk: string) => /^@([a-z]+)/i.exec(chunk)?.[1].toLowerCase() ?? ''
  // @string macros apply to every entry; @comment and @preamble are no references.
  const macros = chunks.filter((chunk) => kindOf(chunk) === 'string').join('\n')
  const entries = chunks.filter(
    (chunk) => !['comment', 'preamble', 'string'].includes(kindOf(chunk)),
  )
  return entries.flatMap((chunk): Parsed[] => {
    try {
      const items = viaCitationJs(macros ? `${macros}\n${chunk}` : chunk, '@biblatex/text')
      if (items.length === 0) {
        return [
          {
            input: chunk,
            kind: 'error',
            message: 'This BibTeX entry has no fields we could read.',
          },
        ]
      }
      return items.map((item, index) => ({
        input: chunk,
        kind: 'record',
        csl: normaliseCsl(item, `bibtex-${index + 1}`),
      }))
    } catch (error) {
      return [
        {
          input: chunk,
          kind: 'error',
          message: `This BibTeX entry could not be read (${reasonOf(error)}). Check its braces, quotes and commas.`,
        },
      ]
    }
  })
}

/**
 * EndNote (and Zotero, for web pages) write the access date as `Y2  - 2020/03/15/`, which
 * citation-js' RIS reader does not read: taken as the item's `accessed` when it has none.
 */
function withAccessDate(item: Record<string, unknown>, record: string): Record<string, unknown> {
  const value = /^Y2 {1,2}- *(\d{4})(?:[/-](\d{1,2}))?(?:[/-](\d{1,2}))?/m.exec(record)
  if (!value || item.accessed !== undefined) {
    return item
  }
  const parts = value.slice(1).flatMap((part) => (part ? [Number(part)] : []))
  return { ...item, accessed: { 'date-parts': [parts] } }
}

function parseRis(text: string): Parsed[] {
  const records: string[] = []
  let current: string[] = []
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    current.push(line)
    if (/^ER {1,2}-/.test(line)) {
      records.push(current.join('\n').trim())
      current = []
    }
  }
  if (current.join('').trim() !== '') {
    records.push(current.join('\n').trim())
  }
  return records.map((record): Parsed => {
    if (!RIS_TYPE.test(record)) {
      return {
        input: record,
        kind: 'error',
        message:
          'This RIS record has no “TY  -” line: each record starts with its type and ends with “ER  -”.',
      }
    }
    try {
      const [item] = viaCitationJs(
        /^ER {1,2}-/m.test(record) ? record : `${record}\nER  - `,
        '@ris/file',
      )
      return item
        ? { input: record, kind: 'record', csl: normaliseCsl(withAccessDate(item, record), 'ris') }
        : { input: record, kind: 'error', message: 'This RIS record has no fields we could read.' }
    } catch (error) {
      return {
        input: record,
        kind: 'error',
        message: `This RIS record could not be read (${reasonOf(error)}).`,
      }
    }
  })
}

function parseCslJson(text: string): Parsed[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new UnreadableReferencesError(
      `This looks like CSL-JSON but is not valid JSON (${reasonOf(error)}). Paste the whole file as exported.`,
    )
  }
  const items = Array.isArray(data) ? data : [data]
  return items.map((item, index): Parsed => {
    const input = JSON.stringify(item) ?? String(item)
    if (!isObject(item)) {
      return {
        input,
        kind: 'error',
        message: 'This CSL-JSON item is not an object with fields like "title" and "author".',
      }
    }
    return { input, kind: 'record', csl: normaliseCsl(item, `csl-${index + 1}`) }
  })
}

const READERS: Record<ReferenceFormat, (text: string) => Parsed[]> = {
  bibtex: parseBibtex,
  ris: parseRis,
  'csl-json': parseCslJson,
  medline: (text) =>
    parseMedline(text).map(({ input, csl, hints }) => ({ input, kind: 'record', csl, hints })),
  identifiers: parseIdentifiers,
}

const echo = (input: string): string =>
  input.length > MAX_INPUT_ECHO ? `${input.slice(0, MAX_INPUT_ECHO)}…` : input

/**
 * The references in `text`, one entry each, in order. Throws {@link UnreadableReferencesError}
 * when the text is empty or in no format we read.
 */
export function parseReferences(text: string): ParsedReferences {
  const format = detectReferenceFormat(text)
  if (!format) {
    throw new UnreadableReferencesError(NOTHING_FOUND)
  }
  const parsed = READERS[format](text.trim())
  if (parsed.length === 0) {
    throw new UnreadableReferencesError(NOTHING_FOUND)
  }
  return {
    format,
    entries: parsed.map((entry, index) => ({
      ...entry,
      entry: index + 1,
      input: echo(entry.input),
    })),
  }
}

/**
 * PubMed's MEDLINE tagged format (the `.nbib` file of "Send to › Citation manager", and what
 * NCBI's efetch answers with `rettype=medline&retmode=text`) read as CSL-JSON.
 *
 * Written here because no citation-js plugin fits: `@citation-js/plugin-pubmed` needs
 * `@citation-js/core` 0.6 or older, and Cited uses 0.7. The format is simple: records start with
 * `PMID- `; each line is a tag of up to four letters padded to four, `- `, and a value;
 * continuation lines start with six spaces. See
 * https://www.nlm.nih.gov/bsd/mms/medlineelements.html for the tags.
 *
 * Pure: no Payload import.
 */
import type { CslItem, CslName } from '@citation-js/core'

/** What a record says about the kind of study (from its publication types, `PT`). */
export interface SourceHints {
  type?: string
  studyType?: string
}

export interface MedlineRecord {
  /** The record's text as given. */
  input: string
  csl: CslItem
  hints: SourceHints
}

type Tags = Map<string, string[]>

const TAG_LINE = /^([A-Z][A-Z0-9]{0,3})\s*-\s?(.*)$/

function tagsOf(record: string): Tags {
  const tags: Tags = new Map()
  let last: string[] | undefined
  for (const line of record.split(/\r?\n/)) {
    const match = TAG_LINE.exec(line)
    if (match && !/^\s/.test(line)) {
      const values = tags.get(match[1]) ?? []
      values.push(match[2].trim())
      tags.set(match[1], values)
      last = values
    } else if (last && line.trim() !== '') {
      last[last.length - 1] = `${last[last.length - 1]} ${line.trim()}`.trim()
    }
  }
  return tags
}

const first = (tags: Tags, tag: string): string | undefined => {
  const value = tags.get(tag)?.find((item) => item !== '')
  return value === undefined ? undefined : value
}

/** "Vickers, Andrew J" (FAU) → family and given names. */
function fullName(value: string): CslName {
  const [family, ...given] = value.split(',')
  const rest = given.join(',').trim()
  return rest ? { family: family.trim(), given: rest } : { family: family.trim() }
}

/** "Vickers AJ" (AU) → family "Vickers", given "AJ". */
function shortName(value: string): CslName {
  const parts = value.trim().split(/\s+/)
  if (parts.length < 2 || !/^[A-Z-]{1,4}$/.test(parts[parts.length - 1])) {
    return { family: value.trim() }
  }
  return { family: parts.slice(0, -1).join(' '), given: parts[parts.length - 1] }
}

function authorsOf(tags: Tags): CslName[] | undefined {
  const full = tags.get('FAU') ?? []
  const names = full.length > 0 ? full.map(fullName) : (tags.get('AU') ?? []).map(shortName)
  // Group authors ("CN - WHO Guideline Development Group") keep their name as it is.
  const groups = (tags.get('CN') ?? []).map((name) => ({ family: name }))
  const all = [...names, ...groups].filter((name) => name.family)
  return all.length > 0 ? all : undefined
}

/** The identifier of an `AID`/`LID` value marked `[doi]` ("10.1001/x [doi]"). */
function idOfKind(tags: Tags, kind: string): string | undefined {
  for (const value of [...(tags.get('AID') ?? []), ...(tags.get('LID') ?? [])]) {
    const match = /^(\S+)\s*\[([a-z]+)\]$/.exec(value)
    if (match && match[2] === kind && match[1]) {
      return match[1]
    }
  }
  return undefined
}

/** PubMed titles end with a full stop; translated ones are in brackets: "[Acupuncture …]." */
function titleOf(tags: Tags): string | undefined {
  const raw = first(tags, 'TI') ?? first(tags, 'BTI')
  if (!raw) {
    return undefined
  }
  const title = raw.replace(/\.$/, '').trim()
  const bracketed = /^\[(.*)\]$/.exec(title)
  return (bracketed ? bracketed[1] : title).trim() || undefined
}

/** The kind of source and study its publication types (`PT`) name, most specific first. */
export function hintsOf(publicationTypes: string[]): SourceHints {
  const types = new Set(publicationTypes.map((type) => type.toLowerCase()))
  if (types.has('meta-analysis')) {
    return { type: 'systematic-review', studyType: 'meta-analysis' }
  }
  if (types.has('systematic review')) {
    return { type: 'systematic-review', studyType: 'systematic-review' }
  }
  if (types.has('practice guideline') || types.has('guideline')) {
    return { type: 'guideline', studyType: 'guideline' }
  }
  if (types.has('randomized controlled trial')) {
    return { studyType: 'rct' }
  }
  return {}
}

/** One record's tags as CSL-JSON. */
function recordToCsl(tags: Tags, fallbackId: string): CslItem {
  const pmid = first(tags, 'PMID')
  const year = first(tags, 'DP')?.match(/\b(\d{4})\b/)?.[1]
  const isBook = Boolean(first(tags, 'BTI')) || Boolean(first(tags, 'ISBN'))
  const item: CslItem = {
    id: pmid ?? fallbackId,
    type: isBook ? 'book' : 'article-journal',
    title: titleOf(tags),
    author: authorsOf(tags),
    'container-title': first(tags, 'JT') ?? first(tags, 'TA'),
    issued: year ? { 'date-parts': [[Number(year)]] } : undefined,
    volume: first(tags, 'VI'),
    issue: first(tags, 'IP'),
    page: first(tags, 'PG'),
    DOI: idOfKind(tags, 'doi'),
    PMID: pmid,
    PMCID: first(tags, 'PMC'),
    ISBN: first(tags, 'ISBN'),
    publisher: first(tags, 'PB'),
  }
  for (const key of Object.keys(item) as (keyof CslItem)[]) {
    if (item[key] === undefined) {
      delete item[key]
    }
  }
  return item
}

/** True when `text` looks like MEDLINE: a line starting with `PMID- ` and a number. */
export const isMedline = (text: string): boolean => /^PMID-\s*\d/m.test(text)

/** Every record of a MEDLINE text, in order. Text before the first `PMID-` line is ignored. */
export function parseMedline(text: string): MedlineRecord[] {
  const records = text
    .replace(/\r\n?/g, '\n')
    .split(/^(?=PMID-)/m)
    .filter((chunk) => /^PMID-/.test(chunk))
  return records.map((record, index) => {
    const tags = tagsOf(record)
    return {
      input: record.trim(),
      csl: recordToCsl(tags, `medline-${index + 1}`),
      hints: hintsOf(tags.get('PT') ?? []),
    }
  })
}

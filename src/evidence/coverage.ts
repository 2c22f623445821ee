import type { DocId } from '../shared/ids'
import type { LexicalSegment, SentenceSpan } from './lexical'
import type { ClaimStatistic } from './match'
import type { DetectedStatistic } from './types'

/**
 * Statistic coverage: every statistic stated in prose must sit in a sentence that carries a claim
 * whose statistics include the same value.
 *
 * - Rich text: a claim is carried by a `claimRef` inline block in the sentence, or placed
 *   footnote-style right after it ("…lasting improvement.[claimRef] Next sentence").
 * - Plain text fields (a comparison cell, a chart point label): the sibling `claim` field backs
 *   every sentence of the field.
 * - Fields of an inline block also count the claims of the host sentence the inline block sits in.
 */
import { detectStatistics } from './detect'
import { splitSentences, walkLexical } from './lexical'
import { describeStatistic, differsOnlyInUnit, statisticMatches } from './match'

/** Finds statistics in prose (the real one is `detectStatistics` from `./detect.js`). */
export type StatisticDetector = (text: string) => DetectedStatistic[]

/** A plain text / textarea field and the claim(s) of its sibling `claim` field. */
export interface PlainTextSource {
  kind: 'plain'
  text: string | null | undefined
  path: string[]
  claimIds: DocId[]
  /**
   * The claims are not the field's own but all those its content cites (a title has no claim
   * field): a statistic none of them states is uncovered, not a mismatch with a claim the editor
   * never tied it to.
   */
  claimsOfContent?: boolean
}

/** A rich text (Lexical) field value. */
export interface RichTextSource {
  kind: 'richText'
  value: unknown
  path: string[]
}

export type TextSource = PlainTextSource | RichTextSource

/** What coverage needs to know about a claim. */
export interface CoverageClaim {
  id: DocId
  statement?: string | null
  statistics: ClaimStatistic[]
}

export interface CoverageInput {
  sources: TextSource[]
  /** Claims that may be referenced, keyed by `String(id)`. A referenced id missing here backs nothing. */
  claims: Map<string, CoverageClaim>
  /** Defaults to {@link detectStatistics}; inject another detector for tests or other languages. */
  detect?: StatisticDetector
}

export interface Issue {
  /** The statistic as written, e.g. "up to 50%". */
  text: string
  /** The sentence it is stated in. */
  sentence: string
  /** Readable location, joined with " › ". */
  path: string
  reason: 'uncovered' | 'mismatch' | 'uncited'
  /** A sentence for the editor. */
  message: string
  /** The claims carried by the sentence (mismatch, or referenced-but-missing claims). */
  claimIds?: DocId[]
  statistic: DetectedStatistic
}

export interface Covered {
  text: string
  sentence: string
  path: string
  /** The claim whose statistic matches. */
  claimId: DocId
  statistic: DetectedStatistic
  /** The matching row of that claim. */
  matchedBy: ClaimStatistic
}

export interface CoverageResult {
  /** No claim on the sentence, or the claim states the number but cites no source for it ('uncited'). */
  uncovered: Issue[]
  mismatched: Issue[]
  covered: Covered[]
}

/** Join path segments for display: `['Benefits', 'Body']` → "Benefits › Body". Empty segments are dropped. */
export function formatPath(segments: readonly string[]): string {
  return segments
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(' › ')
}

/** Index of the sentence containing `offset` (for a detected statistic or an inline block). */
function sentenceContaining(sentences: SentenceSpan[], offset: number): number {
  let found = -1
  for (let i = 0; i < sentences.length; i += 1) {
    const s = sentences[i]
    if (s === undefined || s.start > offset) {
      break
    }
    found = i
  }
  return found === -1 ? 0 : found
}

/**
 * Index of the sentence a claimRef at `offset` backs: the sentence it sits in, or — when it sits
 * after a sentence's end (in the whitespace after it, or at the very start of the next sentence) —
 * the sentence it follows. A claimRef before the first sentence backs the first sentence.
 */
export function sentenceForClaimRef(sentences: SentenceSpan[], offset: number): number {
  let found = -1
  for (let i = 0; i < sentences.length; i += 1) {
    const s = sentences[i]
    if (s === undefined || s.start >= offset) {
      break
    }
    found = i
  }
  return found === -1 ? 0 : found
}

/** Claim ids carried by each sentence of a segment, by sentence index. */
function claimsBySentence(
  text: string,
  sentences: SentenceSpan[],
  claimRefs: { claimId: DocId; offset: number }[],
): Map<number, DocId[]> {
  const bySentence = new Map<number, DocId[]>()
  if (sentences.length === 0) {
    return bySentence
  }
  for (const ref of claimRefs) {
    const offset = Math.min(Math.max(ref.offset, 0), text.length)
    const index = sentenceForClaimRef(sentences, offset)
    const list = bySentence.get(index) ?? []
    list.push(ref.claimId)
    bySentence.set(index, list)
  }
  return bySentence
}

function unique(ids: DocId[]): DocId[] {
  const seen = new Set<string>()
  return ids.filter((id) => {
    const key = String(id)
    if (seen.has(key)) {
      return false
    }
    seen.add(key)
    return true
  })
}

function quoteList(items: string[], joiner: 'or' | 'and'): string {
  if (items.length <= 1) {
    return items.join('')
  }
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1] ?? ''}`
}

function describeClaimStatistics(claim: CoverageClaim, statistic: DetectedStatistic): string {
  const rows = Array.isArray(claim.statistics) ? claim.statistics : []
  if (rows.length === 0) {
    return 'records no statistics'
  }
  const text = quoteList(
    rows.map((row) => describeStatistic(row)),
    'or',
  )
  const unitHint = rows.find((row) => differsOnlyInUnit(statistic, row))
  const hint =
    unitHint !== undefined
      ? `, recorded as ${unitHint.unit ?? 'a bare number'} rather than ${statistic.unit}`
      : ''
  return `states ${text}${hint}`
}

function missingClaimsNote(missing: DocId[]): string {
  if (missing.length === 0) {
    return ''
  }
  const list = quoteList(
    missing.map((id) => String(id)),
    'and',
  )
  return missing.length === 1
    ? ` Claim ${list} could not be found (deleted, or not readable by you), so it backs nothing.`
    : ` Claims ${list} could not be found (deleted, or not readable by you), so they back nothing.`
}

interface Unit {
  text: string
  path: string[]
  /** Claims backing every sentence. */
  claimIds: DocId[]
  claimRefs: { claimId: DocId; offset: number }[]
  host?: LexicalSegment['host']
  claimsOfContent?: boolean
}

function unitsOf(source: TextSource): Unit[] {
  if (source.kind === 'plain') {
    if (typeof source.text !== 'string' || source.text.trim() === '') {
      return []
    }
    return [
      {
        text: source.text,
        path: source.path,
        claimIds: source.claimIds,
        claimRefs: [],
        claimsOfContent: source.claimsOfContent,
      },
    ]
  }
  return walkLexical(source.value, { path: source.path }).map((segment) => ({
    text: segment.text,
    path: segment.path,
    claimIds: segment.claimIds,
    claimRefs: segment.claimRefs,
    host: segment.host,
  }))
}

/** Claims of the host sentence an inline block sits in. */
function hostClaims(host: NonNullable<Unit['host']>): DocId[] {
  const sentences = splitSentences(host.text)
  if (sentences.length === 0) {
    return host.claimRefs.map((r) => r.claimId)
  }
  const index = sentenceContaining(sentences, Math.min(host.offset, host.text.length))
  return claimsBySentence(host.text, sentences, host.claimRefs).get(index) ?? []
}

/**
 * Check every statistic in `sources` against the claims its sentence carries.
 *
 * For each detected statistic: **covered** when a claim on its sentence has a matching statistic
 * ({@link statisticMatches}); **uncovered** when the sentence carries no claim, or only claims
 * missing from `claims`; **mismatch** when it carries claims but none states the value.
 */
export function checkCoverage(input: CoverageInput): CoverageResult {
  const result: CoverageResult = { uncovered: [], mismatched: [], covered: [] }
  const detect = input.detect ?? detectStatistics

  for (const source of input.sources) {
    for (const unit of unitsOf(source)) {
      const detections = detect(unit.text)
      if (detections.length === 0) {
        continue
      }
      const sentences = splitSentences(unit.text)
      const refsBySentence = claimsBySentence(unit.text, sentences, unit.claimRefs)
      const inherited = unit.host !== undefined ? hostClaims(unit.host) : []
      const path = formatPath(unit.path)
      const where = path === '' ? '' : ` in ${path}`

      for (const statistic of detections) {
        const index = sentenceContaining(sentences, statistic.start)
        const sentence = sentences[index]?.text ?? unit.text.trim()
        const claimIds = unique([
          ...unit.claimIds,
          ...inherited,
          ...(refsBySentence.get(index) ?? []),
        ])
        const quoted = `"${statistic.text}"`
        const base = { text: statistic.text, sentence, path, statistic }

        if (claimIds.length === 0) {
          result.uncovered.push({
            ...base,
            reason: 'uncovered',
            message: `${quoted}${where} is not backed by a cited claim.`,
          })
          continue
        }

        const found: CoverageClaim[] = []
        const missing: DocId[] = []
        for (const id of claimIds) {
          const claim = input.claims.get(String(id))
          if (claim === undefined) {
            missing.push(id)
          } else {
            found.push(claim)
          }
        }

        let match: { claim: CoverageClaim; row: ClaimStatistic } | undefined
        for (const claim of found) {
          const row = (Array.isArray(claim.statistics) ? claim.statistics : []).find((r) =>
            statisticMatches(statistic, r),
          )
          if (row !== undefined) {
            match = { claim, row }
            break
          }
        }
        if (match !== undefined && match.row.sourceCount === 0) {
          result.uncovered.push({
            ...base,
            reason: 'uncited',
            claimIds,
            message: `${quoted}${where} is tied to a claim that cites no source for it yet.`,
          })
          continue
        }
        if (match !== undefined) {
          result.covered.push({ ...base, claimId: match.claim.id, matchedBy: match.row })
          continue
        }

        if (found.length === 0 || unit.claimsOfContent) {
          result.uncovered.push({
            ...base,
            reason: 'uncovered',
            claimIds,
            message: `${quoted}${where} is not backed by a cited claim.${missingClaimsNote(missing)}`,
          })
          continue
        }

        const detail =
          found.length === 1 && found[0] !== undefined
            ? `claim ${describeClaimStatistics(found[0], statistic)}`
            : found
                .map(
                  (claim) =>
                    `claim ${String(claim.id)} ${describeClaimStatistics(claim, statistic)}`,
                )
                .join('; ')
        const noun = found.length === 1 ? 'its claim' : 'any of its claims'
        result.mismatched.push({
          ...base,
          reason: 'mismatch',
          claimIds,
          message: `${quoted}${where} does not match ${noun} (${detail}).${missingClaimsNote(missing)}`,
        })
      }
    }
  }
  return result
}

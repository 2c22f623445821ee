/**
 * `POST /api/cited/suggest-claims` with `{ items: [{ sentence, statistic: { value, upper?, unit,
 * qualifier?, text? } }] }` — the statistics the evidence check reports as needing a claim (its
 * `targets`): for each, the approved, unexpired claims that state it, closest statement first
 * (`content/suggest.ts`, one SQL statement). Answers `{ items: [{ sentence, statistic,
 * suggestions: [{ claimId, statement, statistic, rank, reviewBy }] }] }` in the same order.
 *
 * For people who work on content (a Cited role): 401 when logged out, 403 without a role, 400
 * naming the field path of a malformed item. Nothing is written.
 */
import type { Endpoint, PayloadHandler } from 'payload'

import type { SuggestedClaim, SuggestionRequest } from '../content/suggest'
import type { StatisticQualifier } from '../evidence/qualifiers'
import type { StatisticUnit } from '../evidence/types'

import { suggestClaims } from '../content/suggest'
import {
  isStatisticQualifier,
  qualifierOf,
  STATISTIC_QUALIFIER_VALUES,
} from '../evidence/qualifiers'
import { BadField, isObject, objectBody, readBody, refusal } from '../http/body'
import { hasRole, ROLES } from '../shared/roles'

export const SUGGEST_CLAIMS_PATH = '/cited/suggest-claims'

/** Statistics one request may ask about. */
export const MAX_SUGGESTION_ITEMS = 200

const UNITS: readonly StatisticUnit[] = [
  'percent',
  'ratio',
  'multiplier',
  'count',
  'points',
  'duration',
]

export interface SuggestClaimsResult {
  items: (SuggestionRequest & { suggestions: SuggestedClaim[] })[]
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/**
 * The largest magnitude a value or upper bound may have: far beyond any statistic (8e9 people),
 * small enough that the query's arithmetic (a ratio × 100, differences) stays finite in
 * PostgreSQL's float8.
 */
export const MAX_STATISTIC_MAGNITUDE = 1e15

/** The longest sentence the query ranks by (UTF-16 units); a longer one is cut there. */
const MAX_SENTENCE_LENGTH = 2000

/** A lone surrogate: half of a UTF-16 pair without the other half (not text PostgreSQL stores). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why `text` cannot be sent to PostgreSQL as text, or null when it can. */
function unstorableText(text: string): null | string {
  if (text.includes('\u0000')) {
    return 'contains a NUL character (\\u0000), which is not text.'
  }
  if (LONE_SURROGATE.test(text)) {
    return 'contains half of a UTF-16 surrogate pair (a broken character); send well-formed Unicode.'
  }
  return null
}

/** The first `length` UTF-16 units of `text`, without cutting a surrogate pair in two. */
function cut(text: string, length: number): string {
  if (text.length <= length) {
    return text
  }
  const code = text.charCodeAt(length - 1)
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length)
}

/** `value` is a finite number within {@link MAX_STATISTIC_MAGNITUDE}, else a `BadField` at `path`. */
function checkMagnitude(value: number, path: string, what: string): void {
  if (Math.abs(value) > MAX_STATISTIC_MAGNITUDE) {
    throw new BadField(
      path,
      `${what} must be between -${MAX_STATISTIC_MAGNITUDE} and ${MAX_STATISTIC_MAGNITUDE}.`,
    )
  }
}

/** One item of the body as the query takes it, or a `BadField` naming the field. */
function parseItem(input: unknown, at: string): SuggestionRequest {
  if (!isObject(input)) {
    throw new BadField(at, 'Each item is { sentence, statistic }.')
  }
  if (typeof input.sentence !== 'string') {
    throw new BadField(`${at}.sentence`, 'Give the sentence the statistic is stated in, as text.')
  }
  const badSentence = unstorableText(input.sentence)
  if (badSentence) {
    throw new BadField(`${at}.sentence`, `The sentence ${badSentence}`)
  }
  const statistic = input.statistic
  if (!isObject(statistic)) {
    throw new BadField(
      `${at}.statistic`,
      'Give the statistic: { value, unit, upper?, qualifier? }.',
    )
  }
  // `low` / `high` are accepted for `value` / `upper`.
  const value = statistic.value ?? statistic.low
  if (!isFiniteNumber(value)) {
    throw new BadField(`${at}.statistic.value`, 'The value must be a number.')
  }
  checkMagnitude(value, `${at}.statistic.value`, 'The value')
  const upper = statistic.upper ?? statistic.high ?? null
  if (upper !== null && !isFiniteNumber(upper)) {
    throw new BadField(`${at}.statistic.upper`, 'The upper bound must be a number or left out.')
  }
  if (upper !== null) {
    checkMagnitude(upper, `${at}.statistic.upper`, 'The upper bound')
  }
  if (
    typeof statistic.unit !== 'string' ||
    !(UNITS as readonly string[]).includes(statistic.unit)
  ) {
    throw new BadField(`${at}.statistic.unit`, `The unit must be one of: ${UNITS.join(', ')}.`)
  }
  const stated = statistic.qualifier
  if (stated !== undefined && stated !== null && !isStatisticQualifier(stated)) {
    throw new BadField(
      `${at}.statistic.qualifier`,
      `The qualifier must be one of: ${STATISTIC_QUALIFIER_VALUES.join(', ')}.`,
    )
  }
  if (statistic.text !== undefined && typeof statistic.text !== 'string') {
    throw new BadField(`${at}.statistic.text`, 'The text of the statistic must be text.')
  }
  const badText = typeof statistic.text === 'string' ? unstorableText(statistic.text) : null
  if (badText) {
    throw new BadField(`${at}.statistic.text`, `The text of the statistic ${badText}`)
  }
  const qualifier: StatisticQualifier = isStatisticQualifier(stated)
    ? stated
    : typeof statistic.text === 'string'
      ? qualifierOf(statistic.text)
      : 'exact'
  return {
    sentence: cut(input.sentence, MAX_SENTENCE_LENGTH),
    statistic: {
      value,
      upper,
      unit: statistic.unit as StatisticUnit,
      qualifier,
    },
  }
}

const EXPECTS =
  '{ "items": [{ "sentence": "…", "statistic": { "value": 70, "unit": "percent" } }] }'

/** The body's items as the query takes them, or a {@link BadField} naming the field at fault. */
function parseBody(input: unknown): SuggestionRequest[] {
  const body = objectBody(input, EXPECTS)
  if (!Array.isArray(body.items)) {
    throw new BadField('items', `Give the statistics to find claims for as “items”: ${EXPECTS}.`)
  }
  if (body.items.length > MAX_SUGGESTION_ITEMS) {
    throw new BadField('items', `Ask about at most ${MAX_SUGGESTION_ITEMS} statistics at once.`)
  }
  return body.items.map((item, index) => parseItem(item, `items.${index}`))
}

const handler: PayloadHandler = async (req) => {
  if (!req.user) {
    return refusal(401, 'Log in to see suggested claims.')
  }
  if (!ROLES.some((role) => hasRole(req.user, role))) {
    return refusal(403, 'Only editors, reviewers and admins see suggested claims.')
  }
  const read = await readBody(req, `a JSON object: ${EXPECTS}`)
  if ('refused' in read) {
    return read.refused
  }
  let items: SuggestionRequest[]
  try {
    items = parseBody(read.data)
  } catch (failure) {
    if (failure instanceof BadField) {
      return refusal(400, `${failure.path}: ${failure.message}`, failure.path)
    }
    throw failure
  }
  const suggestions = await suggestClaims(req, items)
  const result: SuggestClaimsResult = {
    items: items.map((item, index) => ({ ...item, suggestions: suggestions[index] ?? [] })),
  }
  return Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
}

export const suggestClaimsEndpoint: Endpoint = {
  path: SUGGEST_CLAIMS_PATH,
  method: 'post',
  handler,
}

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

import { addDataAndFileToRequest } from 'payload'

import type { SuggestedClaim, SuggestionRequest } from '../content/suggest'
import type { StatisticQualifier } from '../evidence/qualifiers'
import type { StatisticUnit } from '../evidence/types'

import { suggestClaims } from '../content/suggest'
import {
  isStatisticQualifier,
  qualifierOf,
  STATISTIC_QUALIFIER_VALUES,
} from '../evidence/qualifiers'
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

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

class BadItem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message)
  }
}

/** One item of the body as the query takes it, or a `BadItem` naming the field. */
function parseItem(input: unknown, at: string): SuggestionRequest {
  if (!isObject(input)) {
    throw new BadItem(at, 'Each item is { sentence, statistic }.')
  }
  if (typeof input.sentence !== 'string') {
    throw new BadItem(`${at}.sentence`, 'Give the sentence the statistic is stated in, as text.')
  }
  const statistic = input.statistic
  if (!isObject(statistic)) {
    throw new BadItem(`${at}.statistic`, 'Give the statistic: { value, unit, upper?, qualifier? }.')
  }
  // `low` / `high` are accepted for `value` / `upper`.
  const value = statistic.value ?? statistic.low
  if (!isFiniteNumber(value)) {
    throw new BadItem(`${at}.statistic.value`, 'The value must be a number.')
  }
  const upper = statistic.upper ?? statistic.high ?? null
  if (upper !== null && !isFiniteNumber(upper)) {
    throw new BadItem(`${at}.statistic.upper`, 'The upper bound must be a number or left out.')
  }
  if (
    typeof statistic.unit !== 'string' ||
    !(UNITS as readonly string[]).includes(statistic.unit)
  ) {
    throw new BadItem(`${at}.statistic.unit`, `The unit must be one of: ${UNITS.join(', ')}.`)
  }
  const stated = statistic.qualifier
  if (stated !== undefined && stated !== null && !isStatisticQualifier(stated)) {
    throw new BadItem(
      `${at}.statistic.qualifier`,
      `The qualifier must be one of: ${STATISTIC_QUALIFIER_VALUES.join(', ')}.`,
    )
  }
  if (statistic.text !== undefined && typeof statistic.text !== 'string') {
    throw new BadItem(`${at}.statistic.text`, 'The text of the statistic must be text.')
  }
  const qualifier: StatisticQualifier = isStatisticQualifier(stated)
    ? stated
    : typeof statistic.text === 'string'
      ? qualifierOf(statistic.text)
      : 'exact'
  return {
    sentence: input.sentence.slice(0, 2000),
    statistic: {
      value,
      upper,
      unit: statistic.unit as StatisticUnit,
      qualifier,
    },
  }
}

const error = (message: string, status: number, path?: string): Response =>
  Response.json(
    { errors: [{ message, ...(path ? { data: { errors: [{ path, message }] } } : {}) }] },
    {
      status,
    },
  )

const handler: PayloadHandler = async (req) => {
  if (!req.user) {
    return error('Log in to see suggested claims.', 401)
  }
  if (!ROLES.some((role) => hasRole(req.user, role))) {
    return error('Only editors, reviewers and admins see suggested claims.', 403)
  }
  await addDataAndFileToRequest(req)
  const body: unknown = req.data
  if (!isObject(body) || !Array.isArray(body.items)) {
    return error('Give { items: [{ sentence, statistic: { value, unit } }] }.', 400, 'items')
  }
  if (body.items.length > MAX_SUGGESTION_ITEMS) {
    return error(`Ask about at most ${MAX_SUGGESTION_ITEMS} statistics at once.`, 400, 'items')
  }
  let items: SuggestionRequest[]
  try {
    items = body.items.map((item, index) => parseItem(item, `items.${index}`))
  } catch (failure) {
    if (failure instanceof BadItem) {
      return error(`${failure.path}: ${failure.message}`, 400, failure.path)
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

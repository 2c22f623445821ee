/**
 * Suggested claims: for each statistic that still needs a cited claim, the approved, unexpired
 * claims that state it, closest statement first — one SQL statement for any number of
 * statistics, whatever the size of the claims library.
 *
 * What a claim must be to be suggested, all decided in SQL:
 * - live, as `liveStatus` (checks.ts) has it: its main row (the published version) has
 *   `_status = 'published'`, is not `expired` and its re-review date is still ahead;
 * - one of the live version's statistic rows (`claim_stats`) states the statistic by the rules of
 *   `statisticMatches` (evidence/match.ts): percent and ratio one family (ratio × 100), other
 *   units only themselves, a unitless row on its number alone, ranges only with ranges (both ends),
 *   numbers within `min(0.5, 5% of the larger magnitude)`; with the same directional qualifier
 *   (evidence/qualifiers.ts); and that row cites a source (else the statistic stays "uncited");
 * - the claim's latest version — what the live evidence check reads (`_claims_v`, `latest`) —
 *   states it the same way, so that citing the claim clears the issue in the editor's panel too.
 *
 * Ranking: `ts_rank` of the statement's `to_tsvector('english', …)` against the OR of the lexemes
 * of the statistic's sentence, computed for the few claims that state the number (found by the
 * `(value, unit)` index of `indexes.ts`); a claim whose statement shares no word with the
 * sentence ranks 0, last. See {@link suggestionQuery} for the plan, and why it does not filter
 * by the full-text index.
 */
import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { StatisticQualifier } from '../evidence/qualifiers'
import type { StatisticUnit } from '../evidence/types'
import type { DocId } from '../shared/ids'

import { statisticMatches } from '../evidence/match'
import { DIRECTIONAL_QUALIFIERS, qualifiersAgree } from '../evidence/qualifiers'
import { sqlOf, tableName } from '../shared/transaction'

/** A statistic to find claims for: as the evidence check reports it. */
export interface SuggestionRequest {
  /** The sentence the statistic is stated in (ranks the claims). */
  sentence: string
  statistic: {
    value: number
    upper?: null | number
    unit: StatisticUnit
    /** Missing: 'exact'. */
    qualifier?: StatisticQualifier
  }
}

/** One claim offered for a statistic. */
export interface SuggestedClaim {
  claimId: DocId
  statement: string
  /** The claim's statistic row that states the number (of its approved version). */
  statistic: {
    value: number
    upper: null | number
    unit: null | string
    qualifier: null | string
  }
  /** `ts_rank` of the statement against the sentence: higher is closer. */
  rank: number
  /** The approval's re-review date (ISO), if any. */
  reviewBy: null | string
}

/** Claims offered per statistic at most. */
export const MAX_SUGGESTIONS = 5

const DIRECTIONAL = sql.raw(`array[${DIRECTIONAL_QUALIFIERS.map((q) => `'${q}'`).join(', ')}]`)
/** The text-search configuration statements and sentences are ranked with. */
const SEARCH_CONFIG = sql.raw(`'english'`)

/** A row value on the percent scale when its unit is `ratio` (`normalise` in match.ts). */
const scaled = (value: ReturnType<typeof sql>, unit: ReturnType<typeof sql>) =>
  sql`(case when ${unit}::text = 'ratio' then ${value}::float8 * 100 else ${value}::float8 end)`

/** `sameNumber` of match.ts: equal within `min(0.5, 5% of the larger magnitude)`, plus float noise. */
const sameNumber = (a: ReturnType<typeof sql>, b: ReturnType<typeof sql>) =>
  sql`(abs(${a} - ${b}) <= least(0.5, 0.05 * greatest(abs(${a}), abs(${b}))) + 1e-9)`

/**
 * A statistic row (columns `value`, `upper`, `unit`, `qualifier` of `row`) states the statistic
 * `q` (`nv`, `nu`: its value and upper bound on the percent scale; `nunit`; `qualifier`).
 */
function rowStates(row: string): ReturnType<typeof sql> {
  const r = sql.identifier(row)
  const value = scaled(sql`${r}.value`, sql`${r}.unit`)
  const upper = scaled(sql`${r}.upper`, sql`${r}.unit`)
  const unit = sql`(case when ${r}.unit::text = 'ratio' then 'percent' else ${r}.unit::text end)`
  const qualifier = sql`coalesce(${r}.qualifier::text, 'exact')`
  return sql`(${r}.value is not null
    and (${r}.unit is null or ${unit} = q.nunit)
    and ((q.nu is null) = (${r}.upper is null))
    and ${sameNumber(sql`q.nv`, value)}
    and (q.nu is null or ${sameNumber(sql`q.nu`, upper)})
    and (case when q.qualifier = any(${DIRECTIONAL}) or ${qualifier} = any(${DIRECTIONAL})
      then ${qualifier} = q.qualifier else true end))`
}

interface Row extends Record<string, unknown> {
  idx: number
  claim_id: number | string
  statement: string
  review_by: Date | null | string
  value: number | string
  upper: null | number | string
  unit: null | string
  qualifier: null | string
  rank: number | string
}

const numberOf = (value: unknown): null | number =>
  value === null || value === undefined ? null : Number(value)

const isoOf = (value: unknown): null | string =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString()
      : new Date(value as number | string).toISOString()

/**
 * The suggestion query for `items` (one statement), as {@link matchingClaims} runs it; exported so
 * that its plan can be checked (tests/int/suggest-claims.test.ts EXPLAINs it).
 *
 * How it stays proportional to the claims that state each number, not to the claims library:
 * - per statistic, candidate rows come from the `(value, unit)` btree of `claim_stats`
 *   (`CLAIM_STATS_VALUE_INDEX`): the value within the match tolerance, as two ranges — the value
 *   itself for percent, unitless and other units, and value / 100 for the ratio rows of a
 *   percentage; `rowStates` then applies the exact rule;
 * - the claim by its primary key; its sources by `claims_rels.parent_id`;
 * - its latest version by `_claims_v.parent_id` (a lateral lookup of at most one row, never a scan
 *   of every version), that version's statistic rows by `_claim_stats_v._parent_id` and their
 *   sources by `_claims_v_rels.parent_id` — correlated lookups on Payload's parent indexes.
 *
 * There is no full-text index to use, on purpose: the query is statistic-first. An `@@` filter
 * would drop the claims that state the number in other words (they are suggested too, ranked
 * last), with the sentence's lexemes OR-ed a GIN scan would return most of the library (every
 * claim about "patients"), and `ts_rank` reads the statement itself, not an index. The value
 * index narrows each statistic to the few claims that state it; ranking those few costs little
 * whatever the size of the library.
 */
export function suggestionQuery(
  req: PayloadRequest,
  items: readonly SuggestionRequest[],
  now = new Date(),
): ReturnType<typeof sql> {
  const claims = sql.identifier(tableName(req, 'claims'))
  const stats = sql.identifier(tableName(req, 'claims_statistics'))
  const rels = sql.identifier(tableName(req, 'claims_rels'))
  const versions = sql.identifier(tableName(req, '_claims_v'))
  const versionStats = sql.identifier(tableName(req, '_claims_v_version_statistics'))
  const versionRels = sql.identifier(tableName(req, '_claims_v_rels'))
  const input = JSON.stringify(
    items.map((item, idx) => ({
      idx,
      sentence: item.sentence,
      value: item.statistic.value,
      upper: item.statistic.upper ?? null,
      unit: item.statistic.unit,
      qualifier: item.statistic.qualifier ?? 'exact',
    })),
  )
  return sql`
    with items as (
      select * from jsonb_to_recordset(${input}::jsonb)
        as i(idx int, sentence text, value float8, upper float8, unit text, qualifier text)
    ), scaled as (
      select i.idx, i.qualifier, i.sentence,
        case when i.unit = 'ratio' then i.value * 100 else i.value end as nv,
        case when i.unit = 'ratio' then i.upper * 100 else i.upper end as nu,
        case when i.unit = 'ratio' then 'percent' else i.unit end as nunit
      from items i
    ), q as (
      -- lo / hi: a superset of sameNumber's tolerance (|nv - v| <= 5% of max(|nv|, |v|) means at
      -- most 5% of |nv| / 0.95, and never more than 0.5), plus a margin for float noise; numeric,
      -- as the column is, so that the btree serves the range.
      select s.idx, s.qualifier, s.nv, s.nu, s.nunit,
        (s.nv - (least(0.5, 0.05 * abs(s.nv) / 0.95) + 1e-6))::numeric as lo,
        (s.nv + (least(0.5, 0.05 * abs(s.nv) / 0.95) + 1e-6))::numeric as hi,
        (select string_agg(
            '''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''', ' | ')
          from unnest(tsvector_to_array(to_tsvector(${SEARCH_CONFIG}, coalesce(s.sentence, ''))))
            as lexeme)::tsquery as terms
      from scaled s
    )
    select q.idx, s.claim_id, s.statement, s.review_by, s.value, s.upper, s.unit, s.qualifier,
      s.rank
    from q
    cross join lateral (
      select * from (
        select distinct on (c.id) c.id as claim_id, c.statement,
          c.review_review_by as review_by, st.value, st.upper, st.unit::text as unit,
          st.qualifier::text as qualifier,
          coalesce(ts_rank(to_tsvector(${SEARCH_CONFIG}, c.statement), q.terms), 0) as rank
        from (
          -- The statistic's candidate rows by the value index, first: \`offset 0\` keeps this
          -- lookup a subquery of its own, so the plan starts from the number asked about rather
          -- than from every published claim.
          select * from ${stats} cs
          where cs.value between q.lo and q.hi
            or (q.nunit = 'percent' and cs.unit = 'ratio'
              and cs.value between q.lo / 100 and q.hi / 100)
          offset 0
        ) st
        join ${claims} c on c.id = st._parent_id
        left join lateral (
          select v.id from ${versions} v
          where v.parent_id = c.id and v.latest
          order by v.id desc
          limit 1
        ) lv on true
        where ${rowStates('st')}
          and c._status = 'published'
          and c.review_status is distinct from 'expired'
          and (c.review_review_by is null or c.review_review_by > ${now.toISOString()}::timestamptz)
          and exists (
            select 1 from ${rels} r
            where r.parent_id = c.id and r.sources_id is not null
              and r.path = 'statistics.' || (st._order - 1) || '.sources'
          )
          and (
            lv.id is null
            or exists (
              select 1 from ${versionStats} vs
              where vs._parent_id = lv.id and ${rowStates('vs')}
                and exists (
                  select 1 from ${versionRels} vr
                  where vr.parent_id = lv.id and vr.sources_id is not null
                    and vr.path = 'version.statistics.' || (vs._order - 1) || '.sources'
                )
            )
          )
        order by c.id, st._order
      ) matched
      order by matched.rank desc, matched.claim_id
      limit ${MAX_SUGGESTIONS}
    ) s
    order by q.idx, s.rank desc, s.claim_id
  `
}

/**
 * The SQL's answer: for each of `items` (by index), the suggested claims found, best first, at
 * most {@link MAX_SUGGESTIONS} each. One statement; none when `items` is empty.
 */
export async function matchingClaims(
  req: PayloadRequest,
  items: readonly SuggestionRequest[],
  now = new Date(),
): Promise<{ item: number; suggestion: SuggestedClaim }[]> {
  if (items.length === 0) {
    return []
  }
  const db = await sqlOf(req)
  const result = await db.execute(suggestionQuery(req, items, now))

  return (result.rows as Row[]).map((row) => ({
    item: Number(row.idx),
    suggestion: {
      claimId: row.claim_id,
      statement: row.statement,
      statistic: {
        value: Number(row.value),
        upper: numberOf(row.upper),
        unit: row.unit,
        qualifier: row.qualifier,
      },
      rank: Number(row.rank),
      reviewBy: isoOf(row.review_by),
    },
  }))
}

/** A suggestion states the item's statistic: `statisticMatches` and the qualifier rule. */
export function suggestionStates(item: SuggestionRequest, suggestion: SuggestedClaim): boolean {
  const detected = {
    text: '',
    start: 0,
    end: 0,
    kind: 'measure' as const,
    value: item.statistic.value,
    unit: item.statistic.unit,
    ...(item.statistic.upper == null ? {} : { upper: item.statistic.upper }),
  }
  return (
    statisticMatches(detected, suggestion.statistic) &&
    qualifiersAgree(
      item.statistic.qualifier ?? 'exact',
      suggestion.statistic.qualifier as null | StatisticQualifier,
    )
  )
}

/**
 * The claims to suggest for each of `items` (same order), best first, at most
 * {@link MAX_SUGGESTIONS} each: {@link matchingClaims}, each re-checked with match.ts (the few
 * rows found; the SQL decides which they are).
 */
export async function suggestClaims(
  req: PayloadRequest,
  items: readonly SuggestionRequest[],
  now = new Date(),
): Promise<SuggestedClaim[][]> {
  const suggestions: SuggestedClaim[][] = items.map(() => [])
  for (const { item, suggestion } of await matchingClaims(req, items, now)) {
    const request = items[item]
    if (request && suggestionStates(request, suggestion)) {
      suggestions[item]?.push(suggestion)
    }
  }
  return suggestions
}

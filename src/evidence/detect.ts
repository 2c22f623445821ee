import type { Match, Skip } from './detect/outcome'
import type { DetectedStatistic } from './types'

/**
 * `detectStatistics(text)` — finds the statistics stated in a piece of prose.
 *
 * Pure and synchronous: no Payload, no I/O. Designed for whole articles (megabytes) as
 * well as single sentences.
 *
 * ## How it works
 *
 * 1. **Tokenise once.** One pass over the UTF-16 code units produces a compact token
 *    stream held in typed arrays (kind, start, end, whitespace/newline flags and a
 *    case-folded FNV-1a hash of every word). No per-token objects or strings are
 *    allocated, so the cost is linear in the text and independent of its content.
 * 2. **Anchor.** Only numbers and a handful of trigger words (number words, fraction
 *    words, multiplicatives, statistical keywords) start a pattern; every other token is
 *    skipped after one typed-array read and one hash look-up.
 * 3. **Patterns with context rules.** At an anchor the named patterns below are tried in
 *    order; each reads a few tokens forward and looks a few tokens back. Word classes
 *    (time units, dose units, schedule nouns, people nouns, change verbs, …) are small
 *    lexicons matched by hash and then verified character by character.
 *
 *    | order | pattern            | example                                   | kind / unit                 |
 *    |-------|--------------------|-------------------------------------------|-----------------------------|
 *    | 0     | `notAStatistic`    | list numbers, prices, phones, dates,      | (skipped)                   |
 *    |       |                    | times of day, years, ordinals, ages,      |                             |
 *    |       |                    | identifiers (B12, omega-3), citations     |                             |
 *    | 1     | `measure`          | p < 0.01, 95% CI 3 to 7, OR 2.3, NNT 4,   | measure / ratio·count·…     |
 *    |       |                    | number needed to treat was 4, n = 120     |                             |
 *    | 2     | `scoreChange`      | from 6.8 to 3.1, by 4.2 points,           | scoreChange / points        |
 *    |       |                    | a 2-point improvement                     |                             |
 *    | 3     | `proportion`       | seven in ten, 1 in 3, 12 of 40 patients,  | proportion / percent        |
 *    |       |                    | 5 per 1,000                               |                             |
 *    | 4     | `percentage`       | 70%, 45 percent, 25-40%, 70%+, up to 50%  | percentage / percent        |
 *    | 5     | `multiplier`       | twice as likely, 3x faster, fourfold,     | multiplier / multiplier     |
 *    |       |                    | 2.5 times higher, doubled                 |                             |
 *    | 6     | `count`            | 1,162 patients, 30 healthy volunteers     | count / count               |
 *    | 7     | `fraction`         | half of patients, two-thirds, by a quarter| proportion / percent        |
 *
 *    Instructions never match because every pattern requires positive evidence (a `%`,
 *    an "in ten", a comparative after "times", a people noun after a count, a change
 *    verb before "from … to"), and the unit that follows a number is classified:
 *    time units, doses and measurements, schedule nouns (sessions, reps, times) and
 *    money are not statistics.
 * 4. **Number words** ("seven", "twenty-five", "one hundred and twelve", the numerator
 *    and denominator of "two-thirds") are recognised by a closed set of English number
 *    lexemes and their values are computed by `compromise` (cached per phrase, so the
 *    NLP library only ever sees tiny snippets). The only hand-written values are the
 *    closed class compromise does not parse: "half" = 1/2, "quarter" = 1/4, and the
 *    multiplicatives twice/thrice/double/triple/quadruple/halve.
 *
 * ## Spans
 * `text` is the statistic itself plus a directly preceding qualifier ("up to 50%",
 * "up to a 50%", "more than half", "fewer than 1 in 10,000", "< 5%"). It does not
 * include the noun the statistic is about ("reduction", "less time"), except where the
 * noun is what makes the number a statistic: counts ("1,162 patients"), fractions of a
 * population ("Half of the patients"), comparisons ("twice as likely", "3x faster").
 *
 * ## Values
 * - percentages: `value` = the number, ranges put the upper bound in `upper`
 *   ("40-60%" → 40 / 60). "percentage points" → unit `points`.
 * - proportions: normalised to percent ("seven in ten" → 70, "1 in 3" → 33.33…,
 *   "half" → 50, "two-thirds" → 66.67…, "5 per 1,000" → 0.5).
 * - multipliers: the factor ("twice" → 2, "fourfold" → 4, "halved" → 0.5).
 * - score changes: `value` is the **size of the change** as a non-negative number in
 *   `points` ("from 6.8 to 3.1" → 3.7, "by 4.2 points" → 4.2); the direction and the
 *   end points stay in `text`. "from 40% to 25%" → 15 points (percentage points);
 *   body measurements after a change verb ("fell from 92 to 85 kg", "from 140 to 125
 *   mmHg") → 7 / 15 points, i.e. points of the stated measurement. `upper` is never set
 *   for score changes.
 * - counts: the number of people/events ("1,162 patients" → 1162; "20-30 patients" →
 *   20 / 30).
 * - measures: the reported value (p-values, odds/hazard/risk ratios, effect sizes,
 *   correlations → unit `ratio`; NNT/NNH and n → unit
 *   `count`; mean differences → `points`; any value written with % → `percent`).
 *   Confidence intervals: `value` = lower bound, `upper` = upper bound.
 *
 * ## Where things are
 * This file is the public entry and the driver (anchoring, trying the patterns in order,
 * spans and offsets). The parts live in `./detect/`:
 * - `tokens.ts` — the tokeniser and its typed-array token stream (step 1);
 * - `lexicons.ts` — every word class the patterns read context from;
 * - `numbers.ts` — numbers, number words (via compromise), ranges and unit classes (step 4);
 * - `outcome.ts` — what a pattern returns (a match, a skip or nothing);
 * - `notAStatistic.ts`, `measures.ts`, `scoreChange.ts`, `proportions.ts` (proportion,
 *   percentage, fraction), `multiplier.ts`, `count.ts` — the patterns of the table above;
 * - `qualifier.ts` — the qualifier that may open a span ("up to", "nearly", "<").
 */
import { count } from './detect/count'
import {
  CARDINAL,
  MEASURE_ABBR,
  MEASURE_PHRASES,
  MULTIPLICATIVE,
  MULTIPLICATIVE_VERB,
  SCALES,
  TENS,
  UNITS_0_19,
} from './detect/lexicons'
import { levelledInterval, measureAfterNumber, measureAtWord } from './detect/measures'
import { multiplier } from './detect/multiplier'
import { notAStatistic } from './detect/notAStatistic'
import { readRange } from './detect/numbers'
import { isSkip } from './detect/outcome'
import { fraction, percentage, proportion } from './detect/proportions'
import { withQualifier } from './detect/qualifier'
import { scoreChange } from './detect/scoreChange'
import { hashWord, NUM, PUNCT, Tokens, WORD } from './detect/tokens'
import { normalizeText, originalSpan } from './normalize'

/** Hashes of words that can start a pattern. */
const ANCHOR_HASHES = new Set<number>()
for (const w of [
  ...UNITS_0_19,
  ...TENS,
  ...SCALES,
  'p',
  'n',
  'r',
  'd',
  'ρ',
  'ci',
  'cri',
  'confidence',
  'credible',
  ...MULTIPLICATIVE.keys(),
  ...MULTIPLICATIVE_VERB.keys(),
  ...[...MEASURE_ABBR.keys()].map((a) => a.toLowerCase()),
  ...MEASURE_PHRASES.map(([w]) => w[0] ?? ''),
  'half',
  'halves',
  'third',
  'thirds',
  'quarter',
  'quarters',
  'fourth',
  'fourths',
  'fifth',
  'fifths',
  'sixth',
  'sixths',
  'seventh',
  'sevenths',
  'eighth',
  'eighths',
  'ninth',
  'ninths',
  'tenth',
  'tenths',
  'hundredth',
  'hundredths',
]) {
  ANCHOR_HASHES.add(hashWord(w))
}
for (const w of [...UNITS_0_19, ...TENS, 'hundred', 'thousand', 'many']) {
  ANCHOR_HASHES.add(hashWord(`${w}fold`))
}

function tryAt(t: Tokens, i: number, floor: number): Match | Skip | null {
  const kind = t.k(i)
  if (kind === WORD) {
    const m = measureAtWord(t, i)
    if (m) {
      return m
    }
    const f = fraction(t, i, floor)
    if (f) {
      return f
    }
    if (!CARDINAL.has(t, i)) {
      return multiplier(t, i)
    }
  }
  const lvl = levelledInterval(t, i)
  if (lvl) {
    return lvl
  }
  const range = readRange(t, i)
  if (!range) {
    return null
  }
  const no = notAStatistic(t, i, range)
  if (no) {
    return no
  }
  const m =
    scoreChange(t, i, range.lo) ??
    proportion(t, i, range.lo) ??
    percentage(t, i, range) ??
    measureAfterNumber(t, i, range) ??
    multiplier(t, i, range.lo) ??
    count(t, i, range)
  if (m) {
    return m
  }
  // Consume a whole range that is not a statistic ("two to three sessions") so that its
  // upper bound is not read on its own.
  if (range.hi) {
    return { skipTo: range.last }
  }
  return null
}

/**
 * Finds every statistic stated in `text`.
 *
 * Returns non-overlapping detections sorted by `start`. See the module documentation
 * for what counts as a statistic, how spans are chosen and how values are normalised.
 *
 * @example
 * detectStatistics('Seven in ten patients improved (p < 0.01).')
 * // → [{ text: 'Seven in ten', kind: 'proportion', value: 70, unit: 'percent', … },
 * //    { text: 'p < 0.01', kind: 'measure', value: 0.01, unit: 'ratio', … }]
 */
export function detectStatistics(original: string): DetectedStatistic[] {
  const out: DetectedStatistic[] = []
  if (original.length === 0) {
    return out
  }
  // Full-width and other scripts' digits, invisible characters and odd spaces are read as what
  // they mean; offsets and `text` still point into what the editor wrote.
  const normalized = normalizeText(original)
  const text = normalized.text
  const t = new Tokens(text)
  const kinds = t.kind
  const hashes = t.hash
  let floor = 0
  let i = 0
  while (i < t.n) {
    const kind = kinds[i] ?? 0
    if (kind === PUNCT || (kind === WORD && !ANCHOR_HASHES.has(hashes[i] ?? 0))) {
      i++
      continue
    }
    const r = tryAt(t, i, floor)
    if (r === null) {
      i++
      continue
    }
    if (isSkip(r)) {
      i = Math.max(i, r.skipTo) + 1
      floor = i
      continue
    }
    const numeric = t.k(r.first) === NUM
    const first = Math.max(withQualifier(t, r.first, floor, numeric), floor)
    const { start, end } = originalSpan(normalized, t.s(first), t.e(r.last))
    const stat: DetectedStatistic = {
      text: original.slice(start, end),
      start,
      end,
      kind: r.kind,
      value: r.value,
      unit: r.unit,
    }
    if (r.upper !== undefined) {
      stat.upper = r.upper
    }
    out.push(stat)
    i = r.last + 1
    floor = i
  }
  return out
}

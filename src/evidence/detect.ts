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
 */
import { normalizeText, originalSpan } from './normalize'
import nlp from 'compromise'
import type { DetectedStatistic, StatisticKind, StatisticUnit } from './types'

// ---------------------------------------------------------------------------------------
// Tokeniser
// ---------------------------------------------------------------------------------------

const NUM = 1
const WORD = 2
const PUNCT = 3

/** Whitespace precedes the token. */
const F_SPACE = 1
/** A line break precedes the token (or it is the first token). */
const F_LINE = 2

const FNV_OFFSET = 0x811c9dc5 | 0
const FNV_PRIME = 0x01000193
/** Hashes are kept to 30 bits so they stay small integers (no heap numbers in Map keys). */
const SMI_MASK = 0x3fffffff

/** Per code unit cache for non-ASCII letters: 0 unknown, 1 letter, 2 not a letter. */
const unicodeLetter = new Uint8Array(65536)
const LETTER_RE = /\p{L}|\p{M}/u

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
  if (c >= 0xd800 && c <= 0xdfff) return false
  let k = unicodeLetter[c] ?? 0
  if (k === 0) {
    k = LETTER_RE.test(String.fromCharCode(c)) ? 1 : 2
    unicodeLetter[c] = k
  }
  return k === 1
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57
}

function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

function isNewlineCode(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029
}

/** Lower-cases ASCII letters and folds the typographic apostrophe to `'`. */
function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32
  if (c === 0x2019) return 39
  return c
}

function hashWord(word: string): number {
  let h = FNV_OFFSET
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ foldCode(word.charCodeAt(k)), FNV_PRIME)
  return h & SMI_MASK
}

interface NumScratch {
  value: number
  decimals: number
  plainDigits: number
}

/**
 * The token stream: parallel typed arrays, grown by doubling. Numbers keep their
 * grouping commas and decimal point in one token ("1,162", "6.8", ".03"); words keep
 * inner apostrophes ("Cohen's"); every other non-space character is its own token.
 */
class Tokens {
  readonly text: string
  n = 0
  kind: Uint8Array
  flags: Uint8Array
  start: Int32Array
  end: Int32Array
  hash: Int32Array

  constructor(text: string) {
    this.text = text
    const cap = Math.max(64, text.length >> 2)
    this.kind = new Uint8Array(cap)
    this.flags = new Uint8Array(cap)
    this.start = new Int32Array(cap)
    this.end = new Int32Array(cap)
    this.hash = new Int32Array(cap)
    this.scan()
  }

  private grow(): void {
    const cap = this.kind.length * 2
    const kind = new Uint8Array(cap)
    kind.set(this.kind)
    const flags = new Uint8Array(cap)
    flags.set(this.flags)
    const start = new Int32Array(cap)
    start.set(this.start)
    const end = new Int32Array(cap)
    end.set(this.end)
    const hash = new Int32Array(cap)
    hash.set(this.hash)
    this.kind = kind
    this.flags = flags
    this.start = start
    this.end = end
    this.hash = hash
  }

  private push(kind: number, start: number, end: number, flags: number, hash: number): void {
    if (this.n === this.kind.length) this.grow()
    const i = this.n++
    this.kind[i] = kind
    this.start[i] = start
    this.end[i] = end
    this.flags[i] = flags
    this.hash[i] = hash
  }

  private scan(): void {
    const text = this.text
    const len = text.length
    let pos = 0
    let pending = F_LINE
    while (pos < len) {
      const c = text.charCodeAt(pos)
      if (isSpaceCode(c)) {
        pending |= isNewlineCode(c) ? F_SPACE | F_LINE : F_SPACE
        pos++
        continue
      }
      const s = pos
      if (isDigitCode(c) || (c === 46 && isDigitCode(text.charCodeAt(pos + 1)) && !this.alnumBefore(pos))) {
        pos = this.scanNumber(pos)
        this.push(NUM, s, pos, pending, 0)
      } else if (isLetterCode(c)) {
        let h = FNV_OFFSET
        while (pos < len) {
          const d = text.charCodeAt(pos)
          if (isLetterCode(d)) {
            h = Math.imul(h ^ foldCode(d), FNV_PRIME)
            pos++
          } else if ((d === 39 || d === 0x2019) && isLetterCode(text.charCodeAt(pos + 1))) {
            h = Math.imul(h ^ 39, FNV_PRIME)
            pos++
          } else break
        }
        this.push(WORD, s, pos, pending, h & SMI_MASK)
      } else {
        pos += c >= 0xd800 && c <= 0xdbff && pos + 1 < len ? 2 : 1
        this.push(PUNCT, s, pos, pending, 0)
      }
      pending = 0
    }
  }

  private alnumBefore(pos: number): boolean {
    if (pos === 0) return false
    const p = this.text.charCodeAt(pos - 1)
    return isDigitCode(p) || isLetterCode(p)
  }

  /** Digits, then grouping commas ",ddd" (first group ≤ 3 digits), then one ".ddd". */
  private scanNumber(pos: number): number {
    const text = this.text
    const len = text.length
    if (text.charCodeAt(pos) !== 46) {
      const groupStart = pos
      while (pos < len && isDigitCode(text.charCodeAt(pos))) pos++
      if (pos - groupStart <= 3) {
        while (
          text.charCodeAt(pos) === 44 &&
          isDigitCode(text.charCodeAt(pos + 1)) &&
          isDigitCode(text.charCodeAt(pos + 2)) &&
          isDigitCode(text.charCodeAt(pos + 3)) &&
          !isDigitCode(text.charCodeAt(pos + 4))
        ) {
          pos += 4
        }
      }
    }
    if (text.charCodeAt(pos) === 46 && isDigitCode(text.charCodeAt(pos + 1))) {
      pos++
      while (pos < len && isDigitCode(text.charCodeAt(pos))) pos++
    }
    return pos
  }

  // --- accessors (all bounds-safe: out-of-range indices read as "nothing") ---

  k(i: number): number {
    return i >= 0 && i < this.n ? (this.kind[i] ?? 0) : 0
  }

  s(i: number): number {
    return this.start[i] ?? 0
  }

  e(i: number): number {
    return this.end[i] ?? 0
  }

  /** True when no whitespace separates token i from token i-1. */
  tight(i: number): boolean {
    return i > 0 && i < this.n && ((this.flags[i] ?? 0) & F_SPACE) === 0
  }

  lineStart(i: number): boolean {
    return i === 0 || ((this.flags[i] ?? 0) & F_LINE) !== 0
  }

  raw(i: number): string {
    return this.text.slice(this.s(i), this.e(i))
  }

  lower(i: number): string {
    return this.raw(i).toLowerCase()
  }

  /** First code unit of a punctuation token, or -1. */
  p(i: number): number {
    return this.k(i) === PUNCT ? this.text.charCodeAt(this.s(i)) : -1
  }

  isPunct(i: number, chars: string): boolean {
    const c = this.p(i)
    if (c === -1) return false
    for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true
    return false
  }

  /**
   * Parses NUM token i without allocating: value, digits after the point, and whether
   * it is a plain digit run (no comma, no point) — its length, else 0.
   */
  num(i: number, out: NumScratch): void {
    const text = this.text
    const e = this.e(i)
    let value = 0
    let decimals = 0
    let inFraction = false
    let plain = true
    let scale = 0.1
    for (let k = this.s(i); k < e; k++) {
      const c = text.charCodeAt(k)
      if (c === 44) {
        plain = false
      } else if (c === 46) {
        plain = false
        inFraction = true
      } else if (inFraction) {
        value += (c - 48) * scale
        scale /= 10
        decimals++
      } else {
        value = value * 10 + (c - 48)
      }
    }
    out.value = decimals > 0 ? Number(value.toFixed(decimals)) : value
    out.decimals = decimals
    out.plainDigits = plain ? e - this.s(i) : 0
  }

  /** Case-insensitive comparison of word token i with a lower-case word. */
  is(i: number, word: string): boolean {
    if (this.k(i) !== WORD) return false
    const s = this.s(i)
    if (this.e(i) - s !== word.length) return false
    for (let k = 0; k < word.length; k++) {
      if (foldCode(this.text.charCodeAt(s + k)) !== word.charCodeAt(k)) return false
    }
    return true
  }

  /** Case-sensitive comparison. */
  isExactly(i: number, word: string): boolean {
    return this.k(i) === WORD && this.e(i) - this.s(i) === word.length && this.text.startsWith(word, this.s(i))
  }

  /** Sentence / cell boundary: . ! ? ; | or a line break before token i. */
  boundaryBefore(i: number): boolean {
    return this.lineStart(i) || this.isPunct(i - 1, '.!?;|')
  }
}

// ---------------------------------------------------------------------------------------
// Lexicons
// ---------------------------------------------------------------------------------------

/** A closed word class, looked up by the token's precomputed hash and then verified. */
class Lexicon {
  private readonly byHash = new Map<number, string[]>()

  constructor(words: readonly string[]) {
    for (const w of words) {
      const key = w.toLowerCase()
      const h = hashWord(key)
      const list = this.byHash.get(h)
      if (list) list.push(key)
      else this.byHash.set(h, [key])
    }
  }

  /** The lexicon entry token i spells (lower case), if any. */
  get(t: Tokens, i: number): string | undefined {
    if (t.k(i) !== WORD) return undefined
    const list = this.byHash.get(t.hash[i] ?? 0)
    if (!list) return undefined
    for (const w of list) if (t.is(i, w)) return w
    return undefined
  }

  has(t: Tokens, i: number): boolean {
    return this.get(t, i) !== undefined
  }
}

const plural = (words: readonly string[]): string[] => words.flatMap((w) => [w, `${w}s`])

const UNITS_0_19 = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
]
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
const SCALES = ['hundred', 'thousand', 'million', 'billion']

/** English cardinal number lexemes (values come from compromise). */
const CARDINAL = new Lexicon([...UNITS_0_19, ...TENS, ...SCALES])
const SCALE = new Lexicon(SCALES)
/** "fourfold", "tenfold", "hundredfold" … */
const FOLD_WORD = new Lexicon([...UNITS_0_19, ...TENS, 'hundred', 'thousand', 'many'].map((w) => `${w}fold`))
/** Fraction denominators. "half"/"quarter" are hand-valued; the ordinals go to compromise. */
const DENOMINATOR = new Lexicon([
  'half', 'halves',
  ...plural(['third', 'quarter', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'hundredth']),
])
/** Multiplicative adverbs/adjectives (need a comparison after them). */
const MULTIPLICATIVE: ReadonlyMap<string, number> = new Map([
  ['twice', 2], ['thrice', 3], ['double', 2], ['triple', 3], ['quadruple', 4],
])
const MULTIPLICATIVE_LEX = new Lexicon([...MULTIPLICATIVE.keys()])
/** Multiplicative verbs: a statistic on their own ("rates doubled"). */
const MULTIPLICATIVE_VERB: ReadonlyMap<string, number> = new Map([
  ['doubled', 2], ['doubling', 2], ['doubles', 2],
  ['tripled', 3], ['tripling', 3], ['triples', 3], ['trebled', 3],
  ['quadrupled', 4], ['quadrupling', 4], ['quadruples', 4],
  ['halved', 0.5], ['halving', 0.5], ['halves', 0.5],
])
const MULTIPLICATIVE_VERB_LEX = new Lexicon([...MULTIPLICATIVE_VERB.keys()])

const TIME_UNITS = new Lexicon([
  ...plural(['second', 'sec', 'minute', 'min', 'hour', 'hr', 'day', 'night', 'week', 'wk', 'weekend', 'month', 'mo', 'year', 'yr', 'decade', 'semester', 'term']),
  'h', 'd', 'am', 'pm', 'morning', 'mornings', 'evening', 'evenings', 'daily', 'weekly', 'monthly', 'yearly',
  'annually', 'hourly', 'nightly', 'o\'clock', 'time', 'times',
])
/** Body measurements: not statistics on their own, but outcomes in "fell from 92 to 85 kg". */
const MEASUREMENT_UNITS = new Lexicon([
  'kg', 'lb', 'lbs', 'mmhg', 'bpm', 'cm', 'mm', 'mmol', 'dl', 'inches',
  ...plural(['kilogram', 'pound', 'inch', 'centimetre', 'centimeter', 'millimetre', 'millimeter']),
])
const DOSE_UNITS = new Lexicon([
  'mg', 'g', 'mcg', 'µg', 'μg', 'ug', 'kg', 'ml', 'l', 'dl', 'iu', 'mmol', 'mmhg', 'bpm', 'cm', 'mm', 'km', 'm', 'ft',
  'feet', 'foot', 'oz', 'lb', 'lbs', 'tsp', 'tbsp', 'kcal', 'cal', 'cc',
  ...plural(['gram', 'milligram', 'microgram', 'kilogram', 'litre', 'liter', 'millilitre', 'milliliter', 'unit',
    'tablet', 'pill', 'capsule', 'drop', 'puff', 'spray', 'serving', 'portion', 'cup', 'teaspoon', 'tablespoon',
    'ounce', 'pound', 'calorie', 'inch', 'mile', 'metre', 'meter', 'kilometre', 'kilometer', 'step', 'degree',
    'dose', 'dosage', 'shot', 'injection', 'needle', 'patch', 'scoop', 'gummy', 'sachet', 'vial', 'lozenge',
    'mouthful', 'sip', 'bite', 'piece', 'slice', 'handful', 'pump', 'spoonful']),
  'inches', 'patches', 'gummies', 'glass', 'glasses',
])
const SCHEDULE_NOUNS = new Lexicon(plural([
  'session', 'treatment', 'visit', 'appointment', 'rep', 'repetition', 'set', 'round', 'breath', 'cycle', 'class',
  'lesson', 'meal', 'exercise', 'stretch', 'point', 'acupoint', 'pose', 'lap', 'course', 'block', 'interval',
  'hold', 'pass', 'stroke', 'count', 'beat',
]).concat(['classes', 'stretches', 'passes']))
const CURRENCY_WORDS = new Lexicon(['dollars', 'dollar', 'usd', 'eur', 'euros', 'euro', 'gbp', 'cents', 'cent', 'pence', 'aud', 'cad'])
const PEOPLE = new Lexicon([
  ...plural(['patient', 'participant', 'adult', 'subject', 'respondent', 'individual', 'volunteer', 'user', 'smoker',
    'veteran', 'employee', 'worker', 'athlete', 'infant', 'baby', 'newborn', 'adolescent', 'teen', 'teenager', 'student',
    'senior', 'resident', 'member', 'survivor', 'person', 'child', 'kid', 'girl', 'boy', 'mother', 'father', 'parent',
    'pregnancy', 'caregiver', 'client', 'customer', 'case', 'death', 'event', 'hospitalization',
    'hospitalisation', 'admission', 'infection', 'fracture', 'fall', 'injury', 'birth', 'diagnosis', 'relapse',
    'recurrence', 'complication', 'incident', 'surgery', 'operation', 'procedure', 'reaction', 'responder',
    'American', 'Canadian', 'Australian', 'Briton', 'European', 'Californian']),
  'people', 'women', 'men', 'woman', 'man', 'children', 'babies', 'injuries', 'surgeries', 'diagnoses', 'persons',
  'deaths', 'folks', 'elderly', 'americans',
])
const PERCENT_WORDS = new Lexicon(['percent', 'pct', 'percentage'])
/** Comparisons that make "N times" / "twice" a multiplier. */
const COMPARATIVE = new Lexicon([
  'more', 'less', 'fewer', 'greater', 'higher', 'lower', 'larger', 'smaller', 'bigger', 'faster', 'slower', 'quicker',
  'better', 'worse', 'stronger', 'weaker', 'longer', 'shorter', 'likelier', 'costlier', 'cheaper', 'deadlier',
  'riskier', 'healthier', 'harder', 'easier', 'sooner', 'later', 'increase', 'increased', 'decrease', 'decreased',
  'reduction', 'reduced', 'rise', 'drop', 'improvement', 'improved', 'elevated', 'excess', 'over', 'above', 'below',
  'baseline', 'normal', 'average',
])
/** Words after a fraction / "times the" that make it a quantity, not a statistic. */
const NON_STAT_NOUN_EXTRA = new Lexicon(['life', 'lives', 'marathon', 'way', 'hearted', 'price', 'cost', 'size', 'length', 'amount', 'recipe', 'inch', 'mark'])
const CHANGE_VERBS = new Lexicon([
  'dropped', 'drop', 'drops', 'dropping', 'fell', 'fall', 'falls', 'falling', 'declined', 'decline', 'declines',
  'declining', 'decreased', 'decrease', 'decreases', 'decreasing', 'reduced', 'reduce', 'reduces', 'reducing',
  'improved', 'improve', 'improves', 'improving', 'increased', 'increase', 'increases', 'increasing', 'rose', 'rise',
  'rises', 'rising', 'risen', 'went', 'gone', 'go', 'moved', 'changed', 'change', 'changes', 'shifted', 'climbed',
  'jumped', 'lowered', 'raised', 'grew', 'grown', 'plummeted', 'plunged', 'soared', 'slid', 'dipped', 'worsened',
  'deteriorated', 'recovered', 'reduction', 'improvement', 'fallen', 'cut',
])
const SCORE_NOUNS = new Lexicon([
  ...plural(['score', 'rating', 'level', 'index', 'scale', 'grade', 'reading', 'value', 'measure']),
  'pain', 'disability', 'hba1c', 'bmi', 'vas', 'nrs', 'odi', 'womac', 'phq', 'gad', 'rmdq', 'average', 'mean',
  'median',
])
/** Base forms of change verbs: sentence-initial, they give an instruction ("Increase from 2 to 4"). */
const IMPERATIVE_VERBS = new Lexicon(['drop', 'decline', 'decrease', 'reduce', 'improve', 'increase', 'rise', 'go', 'change', 'cut', 'move', 'shift', 'lower', 'raise', 'build', 'progress', 'work', 'step', 'bump', 'scale', 'taper', 'gradually', 'slowly'])
/** Nouns after "N-point" that make it a score change ("a 2-point improvement"). */
const CHANGE_NOUNS = new Lexicon([
  ...plural(['reduction', 'improvement', 'decrease', 'increase', 'drop', 'decline', 'gain', 'change', 'difference',
    'rise', 'fall', 'boost', 'benefit', 'advantage', 'shift', 'swing', 'jump', 'lead']),
])
/** Words that may follow "N points" to make it a score statement. */
const POINT_FOLLOWERS = new Lexicon([
  'lower', 'higher', 'more', 'fewer', 'less', 'better', 'worse', 'greater', 'on', 'in', 'from', 'below', 'above',
  'compared', 'versus', 'vs', 'than', 'over',
  ...plural(['reduction', 'improvement', 'decrease', 'increase', 'drop', 'decline', 'gain', 'change', 'difference']),
])
const PREPOSITIONS = new Lexicon(['in', 'since', 'by', 'until', 'till', 'during', 'before', 'after', 'of', 'from', 'to', 'through', 'around', 'circa', 'year', 'early', 'late', 'mid', 'spring', 'summer', 'autumn', 'fall', 'winter'])
const MONTHS = new Lexicon([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
])
/** Words that label a following number: "Table 2", "Step 3", "Type 2 diabetes", "week 12". */
const LABELS = new Lexicon([
  'table', 'figure', 'fig', 'step', 'chapter', 'section', 'phase', 'type', 'grade', 'stage', 'level', 'tier', 'part',
  'page', 'pp', 'version', 'item', 'question', 'no', 'vol', 'volume', 'issue', 'ref', 'reference', 'session', 'week',
  'day', 'month', 'year', 'visit', 'dose', 'round', 'lesson', 'unit', 'room', 'suite', 'box', 'line', 'row', 'column',
  'appendix', 'verse', 'tip', 'rule', 'number', 'class', 'category', 'trial', 'study', 'group', 'arm', 'cohort',
  'module', 'act', 'route', 'highway', 'floor', 'building', 'apartment', 'apt', 'ste', 'zone', 'lead', 'channel',
  'covid', 'vitamin', 'omega', 'top', 'size', 'model', 'option', 'plan', 'exercise', 'lumbar', 'cervical',
  'thoracic', 'sacral', 'meridian', 'point', 'acupoint', 'hour', 'minute', 'age', 'aged', 'ages',
])
const AGE_CUES = new Lexicon(['aged', 'age', 'ages', 'ageing', 'aging'])
const AGE_COMPARATORS = new Lexicon(['over', 'under', 'above', 'below', 'older', 'younger', 'beyond', 'past'])
const ORDINAL_SUFFIX = new Lexicon(['st', 'nd', 'rd', 'th', 's'])
const DETERMINERS = new Lexicon(['the', 'all', 'those', 'these', 'their', 'our', 'your', 'its', 'his', 'her', 'them', 'us', 'you', 'a', 'an', 'such'])
const PRONOUNS = new Lexicon(['them', 'us', 'you', 'those', 'these'])
/** Words that, before a bare "half", make it a part of something ("the second half"). */
const HALF_BLOCKERS = new Lexicon(['the', 'first', 'second', 'last', 'latter', 'former', 'other', 'top', 'bottom', 'lower', 'upper', 'back', 'front', 'left', 'right', 'final', 'early', 'late', 'one'])
/** Words that follow a percentage and make it a concentration, discount or slogan. */
const PERCENT_NON_STAT = new Lexicon([
  'off', 'discount', 'discounts', 'cashback', 'rebate', 'deposit', 'tip', 'tax', 'vat', 'interest', 'apr', 'cream',
  'gel', 'ointment', 'lotion', 'solution', 'spray', 'patch', 'milk', 'alcohol', 'ethanol', 'saline', 'lidocaine',
  'hydrocortisone', 'capsaicin', 'menthol', 'cocoa', 'cacao', 'dark', 'juice', 'extract', 'natural', 'pure', 'organic',
  'cotton', 'wool', 'silk', 'whole', 'abv', 'guaranteed', 'guarantee', 'satisfaction', 'money', 'refund',
  'refundable', 'recyclable', 'vegan', 'drug', 'strength', 'concentration', 'proof', 'humidity', 'charged',
  'battery', 'effort', 'committed', 'sure', 'certain', 'focused',
])
/** Nouns after "N% of (the) …" that make it a dose or an instruction target. */
const PERCENT_OF_NON_STAT = new Lexicon(['daily', 'dv', 'rda', 'body', 'recommended', 'your', 'max', 'maximum', 'price', 'cost', 'fee', 'bill', 'total'])
/** Modifier words may sit between a count and its noun; these may not. */
const COUNT_STOP = new Lexicon([
  'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'per', 'a', 'an', 'the', 'and', 'or', 'but', 'than', 'as',
  'who', 'that', 'which', 'were', 'was', 'is', 'are', 'be', 'been', 'had', 'have', 'has', 'their', 'our', 'more',
  'less', 'fewer', 'over', 'under', 'about', 'into', 'out', 'up', 'down', 'each', 'every', 'times', 'x', 'key', 'main',
  'ways', 'way', 'signs', 'tips', 'steps', 'things', 'reasons', 'benefits', 'types', 'kinds', 'common', 'simple',
  'easy', 'best', 'top',
])
const LINKING = new Lexicon(['was', 'were', 'is', 'are', 'of', 'at', 'equal', 'equals', 'to', 'about', 'approximately', 'around', 'roughly', 'a', 'an', 'reached', 'be', 'being', 'been', 'estimated', 'only', 'just', 'nearly', 'almost', 'calculated', 'as', 'with', 'value'])

/** Statistical measures written as phrases, longest first. [words, unit when no %] */
const MEASURE_PHRASES: ReadonlyArray<readonly [readonly string[], StatisticUnit]> = [
  [['number', 'needed', 'to', 'treat'], 'count'],
  [['number', 'needed', 'to', 'harm'], 'count'],
  [['standardised', 'mean', 'difference'], 'ratio'],
  [['standardized', 'mean', 'difference'], 'ratio'],
  [['weighted', 'mean', 'difference'], 'points'],
  [['absolute', 'risk', 'reduction'], 'percent'],
  [['absolute', 'risk', 'increase'], 'percent'],
  [['absolute', 'risk', 'difference'], 'percent'],
  [['relative', 'risk', 'reduction'], 'percent'],
  [['incidence', 'rate', 'ratio'], 'ratio'],
  [['adjusted', 'odds', 'ratio'], 'ratio'],
  [['adjusted', 'hazard', 'ratio'], 'ratio'],
  [['correlation', 'coefficient'], 'ratio'],
  [['odds', 'ratio'], 'ratio'],
  [['hazard', 'ratio'], 'ratio'],
  [['risk', 'ratio'], 'ratio'],
  [['rate', 'ratio'], 'ratio'],
  [['relative', 'risk'], 'ratio'],
  [['risk', 'difference'], 'percent'],
  [['mean', 'difference'], 'points'],
  [['effect', 'size'], 'ratio'],
  [["cohen's", 'd'], 'ratio'],
  [['hedges', 'g'], 'ratio'],
  [['correlation'], 'ratio'],
]
const MEASURE_FIRST_WORDS = new Lexicon(MEASURE_PHRASES.map(([w]) => w[0] ?? ''))
/** Case-sensitive abbreviations → unit when no %. */
const MEASURE_ABBR: ReadonlyMap<string, StatisticUnit> = new Map([
  ['OR', 'ratio'], ['aOR', 'ratio'], ['AOR', 'ratio'], ['HR', 'ratio'], ['aHR', 'ratio'], ['RR', 'ratio'],
  ['aRR', 'ratio'], ['IRR', 'ratio'], ['ARR', 'percent'], ['RRR', 'percent'], ['ARI', 'percent'], ['RD', 'percent'],
  ['NNT', 'count'], ['NNH', 'count'], ['NNTB', 'count'], ['NNTH', 'count'], ['SMD', 'ratio'], ['MD', 'points'],
  ['WMD', 'points'], ['ES', 'ratio'],
])
const MEASURE_ABBR_LEX = new Lexicon([...MEASURE_ABBR.keys()])
const CI_WORDS = new Lexicon(['ci', 'cri', 'confidence', 'credible'])

/** Qualifiers that belong to the statistic's span, matched backwards. */
const QUALIFIERS: ReadonlyArray<readonly string[]> = [
  ['up', 'to'], ['as', 'much', 'as'], ['as', 'many', 'as'], ['as', 'few', 'as'], ['as', 'little', 'as'],
  ['no', 'more', 'than'], ['more', 'than'], ['less', 'than'], ['fewer', 'than'], ['greater', 'than'],
  ['at', 'least'], ['at', 'most'], ['close', 'to'], ['upwards', 'of'], ['in', 'excess', 'of'], ['well', 'over'],
  ['just', 'over'], ['just', 'under'], ['an', 'estimated'], ['nearly'], ['almost'], ['about'], ['around'],
  ['approximately'], ['approx'], ['roughly'], ['over'], ['under'], ['only'], ['just'], ['some'], ['estimated'],
  ['barely'], ['fully'], ['exactly'], ['precisely'], ['circa'], ['below'], ['above'], ['overall'],
]
const QUALIFIER_LAST_WORDS = new Lexicon(QUALIFIERS.map((q) => q[q.length - 1] ?? ''))

// ---------------------------------------------------------------------------------------
// Number words (values from compromise)
// ---------------------------------------------------------------------------------------

const numberWordCache = new Map<string, number | null>()

/** Value of an English number phrase ("seven", "twenty-five", "third"), via compromise. */
function parseNumberWords(phrase: string): number | null {
  const key = phrase.toLowerCase()
  const hit = numberWordCache.get(key)
  if (hit !== undefined) return hit
  const got = nlp(key).numbers().get()
  const first = Array.isArray(got) ? got[0] : got
  const value = typeof first === 'number' && Number.isFinite(first) ? first : null
  if (numberWordCache.size > 4096) numberWordCache.clear()
  numberWordCache.set(key, value)
  return value
}

/** Denominator of a fraction word: half → 2, quarter → 4 (closed class), ordinals via compromise. */
function denominatorValue(word: string): number | null {
  if (word === 'half' || word === 'halves') return 2
  if (word === 'quarter' || word === 'quarters') return 4
  return parseNumberWords(word.endsWith('s') ? word.slice(0, -1) : word)
}

// ---------------------------------------------------------------------------------------
// Reading numbers and ranges
// ---------------------------------------------------------------------------------------

interface NumberRead {
  value: number
  first: number
  last: number
  isWord: boolean
  decimals: number
  /** Plain integer written with digits and no grouping comma (for year / phone checks). */
  plainDigits: number
}

const scratch: NumScratch = { value: 0, decimals: 0, plainDigits: 0 }

/** Lexical class of a cardinal word, for the tiny grammar of compound number words. */
const UNIT_WORDS = new Lexicon(UNITS_0_19)
const TENS_WORDS = new Lexicon(TENS)

/** May cardinal word `next` continue the compound that ends with word `prev`? */
function continuesNumber(t: Tokens, prev: number, next: number): boolean {
  if (SCALE.has(t, next)) return !SCALE.has(t, prev) || t.is(next, 'thousand') || t.is(next, 'million') || t.is(next, 'billion')
  if (TENS_WORDS.has(t, prev)) return UNIT_WORDS.has(t, next) && !t.is(next, 'ten') && !t.is(next, 'eleven') && !t.is(next, 'twelve') && !/teen$/.test(t.lower(next))
  if (SCALE.has(t, prev)) return true
  return false
}

function readNumber(t: Tokens, i: number): NumberRead | null {
  const kind = t.k(i)
  if (kind === NUM) {
    t.num(i, scratch)
    let value = scratch.value
    const { decimals, plainDigits } = scratch
    if (!Number.isFinite(value)) return null
    let last = i
    const scale = SCALE.get(t, i + 1)
    if (scale !== undefined && !t.isPunct(i + 2, '-')) {
      const m = parseNumberWords(`one ${scale}`)
      if (m !== null) {
        value *= m
        last = i + 1
      }
    }
    return {
      value,
      first: i,
      last,
      isWord: false,
      decimals,
      plainDigits,
    }
  }
  if (kind !== WORD || !CARDINAL.has(t, i)) return null
  // A run of cardinal words: "twenty-five", "one hundred and twelve".
  let last = i
  let j = i + 1
  for (;;) {
    if (t.isPunct(j, '-') && t.tight(j) && t.tight(j + 1) && CARDINAL.has(t, j + 1) && continuesNumber(t, last, j + 1)) {
      last = j + 1
      j += 2
    } else if (CARDINAL.has(t, j) && !t.boundaryBefore(j) && continuesNumber(t, last, j)) {
      last = j
      j += 1
    } else if (t.is(j, 'and') && SCALE.has(t, j - 1) && CARDINAL.has(t, j + 1) && !SCALE.has(t, j + 1)) {
      last = j + 1
      j += 2
    } else break
    if (last - i > 8) break
  }
  const value = parseNumberWords(t.text.slice(t.s(i), t.e(last)))
  if (value === null) return null
  return { value, first: i, last, isWord: true, decimals: 0, plainDigits: 0 }
}

interface RangeRead {
  lo: NumberRead
  hi: NumberRead | null
  first: number
  last: number
  /** A % sign directly after the lower bound ("25%-40%"). */
  loPercent: boolean
  /** The range was "between A and B". */
  between: boolean
}

function readRange(t: Tokens, i: number): RangeRead | null {
  const lo = readNumber(t, i)
  if (!lo) return null
  let j = lo.last + 1
  let loPercent = false
  if (t.isPunct(j, '%')) {
    loPercent = true
    j++
  }
  const between = t.is(i - 1, 'between')
  let sep = -1
  if (t.isPunct(j, '-–—') || t.is(j, 'to') || t.is(j, 'or') || (between && t.is(j, 'and'))) sep = j
  if (sep !== -1) {
    const hi = readNumber(t, sep + 1)
    if (hi && (hi.value > lo.value || (hi.value === lo.value && !t.isPunct(sep, '-–—')))) {
      return { lo, hi, first: i, last: hi.last, loPercent, between }
    }
  }
  return { lo, hi: null, first: i, last: lo.last, loPercent: false, between: false }
}

function isYearLike(n: NumberRead): boolean {
  return n.plainDigits === 4 && n.value >= 1800 && n.value <= 2100
}

// ---------------------------------------------------------------------------------------
// Unit classification: what follows a number
// ---------------------------------------------------------------------------------------

type UnitClass = 'time' | 'dose' | 'schedule' | 'money' | 'people' | 'percent' | 'none'

/**
 * Classifies the word after a number (token j), looking through a joining hyphen
 * ("60-minute", "12-week") — the context rule that separates statistics from
 * instructions: "15-20 minutes", "400 mg", "3 sets", "$120" are not statistics.
 */
function unitAt(t: Tokens, j: number): UnitClass {
  let w = j
  if (t.isPunct(w, '-') && t.tight(w) && t.tight(w + 1)) w++
  if (t.isPunct(w, '%')) return 'percent'
  if (t.k(w) !== WORD) return 'none'
  if (PERCENT_WORDS.has(t, w) || (t.is(w, 'per') && t.is(w + 1, 'cent'))) return 'percent'
  if (TIME_UNITS.has(t, w)) return 'time'
  if (DOSE_UNITS.has(t, w)) return 'dose'
  if (CURRENCY_WORDS.has(t, w)) return 'money'
  if (SCHEDULE_NOUNS.has(t, w)) return 'schedule'
  if (PEOPLE.has(t, w)) return 'people'
  return 'none'
}

function isTimeOrDose(t: Tokens, j: number): boolean {
  const u = unitAt(t, j)
  return u === 'time' || u === 'dose' || u === 'money'
}

// ---------------------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------------------

interface Match {
  first: number
  last: number
  kind: StatisticKind
  value: number
  upper?: number
  unit: StatisticUnit
}

/** Tokens [first, last] are known not to be a statistic and are consumed. */
interface Skip {
  skipTo: number
}

type Outcome = Match | Skip | null

function isSkip(o: Match | Skip): o is Skip {
  return (o as Skip).skipTo !== undefined
}

function skipThrough(to: number, range: RangeRead): Skip {
  return { skipTo: Math.max(to, range.last) }
}

/**
 * Numbers that are never statistics: list numbers, prices, phone numbers, dates and
 * years, times of day, ordinals/decades, identifiers (B12, omega-3, COVID-19, Table 2),
 * citations ([3]) and ages ("aged 18 to 75", "adults over 65", "50-year-old").
 */
function notAStatistic(t: Tokens, i: number, range: RangeRead): Skip | null {
  const { lo } = range
  const after = range.last + 1

  if (t.k(i) === NUM) {
    const isInt = lo.decimals === 0
    // "1. Natural Pain Reduction", "2) …"
    const bulletBefore = t.isPunct(i - 1, '-*•') && t.lineStart(i - 1)
    if (isInt && (t.lineStart(i) || bulletBefore) && t.isPunct(lo.last + 1, '.)') && t.tight(lo.last + 1) && t.k(lo.last + 2) !== NUM) {
      return skipThrough(lo.last + 1, range)
    }
    // Prices: "$95", "£20-30", "120 dollars"
    if (t.isPunct(i - 1, '$£€¥₹') || (t.k(i - 1) === WORD && t.tight(i) && t.is(i - 1, 'us') && t.isPunct(i, '$'))) {
      return skipThrough(range.last, range)
    }
    if (unitAt(t, after) === 'money') return skipThrough(after, range)
    // Phone numbers, dates, codes: chains like 949-555-0142, 2021-03-05, 3/5/2021, 555.0142
    let groups = 1
    let digits = t.e(i) - t.s(i)
    let j = i
    while (t.isPunct(j + 1, '-./') && t.tight(j + 1) && t.k(j + 2) === NUM && t.tight(j + 2)) {
      j += 2
      groups++
      digits += t.e(j) - t.s(j)
    }
    if (groups >= 3 || (groups === 2 && digits >= 7 && !t.isPunct(j + 1, '%'))) return skipThrough(j, range)
    // "(949) 555-0142" / citations "[3]", "(12)", "[3, 4]"
    if (t.isPunct(i - 1, '[(') && isInt && (t.isPunct(lo.last + 1, '])') || t.isPunct(lo.last + 1, ',') && t.isPunct(i - 1, '['))) {
      if (t.isPunct(i - 1, '[') || lo.plainDigits === 3 || lo.value < 1000) {
        if (t.isPunct(i - 1, '[')) {
          let k = lo.last + 1
          while (t.isPunct(k, ',–-') && t.k(k + 1) === NUM) k += 2
          if (t.isPunct(k, ']')) return skipThrough(k, range)
        } else return skipThrough(lo.last + 1, range)
      }
    }
    // Times of day: 10:30, 3 pm, 9am
    if (t.isPunct(lo.last + 1, ':') && t.tight(lo.last + 1) && t.k(lo.last + 2) === NUM && t.tight(lo.last + 2)) {
      return skipThrough(lo.last + 2, range)
    }
    // Ordinals and decades: 1st, 3rd, 40s
    if (t.tight(lo.last + 1) && ORDINAL_SUFFIX.has(t, lo.last + 1)) return skipThrough(lo.last + 1, range)
    // Identifiers: B12, x10, omega-3, COVID-19, IL-6
    if (t.tight(i) && t.k(i - 1) === WORD) return skipThrough(range.last, range)
    if (t.tight(i) && t.isPunct(i - 1, '-') && t.tight(i - 1) && t.k(i - 2) === WORD) return skipThrough(range.last, range)
    if (t.isPunct(i - 1, '#№')) return skipThrough(range.last, range)
    // Years: "in 2019", "2012", "2019–2021" — unless stated as a percentage or a headcount
    if (isYearLike(lo)) {
      const u = unitAt(t, after)
      const headcount = u === 'people' && !PREPOSITIONS.has(t, i - 1)
      if (u !== 'percent' && !headcount) {
        let k = range.last
        if (t.isPunct(k + 1, '-–/') && t.k(k + 2) === NUM) k += 2
        return skipThrough(k, range)
      }
    }
    // Dates: "March 3, 2021", "3 March"
    if (MONTHS.has(t, i - 1) || MONTHS.has(t, after)) return skipThrough(MONTHS.has(t, after) ? after : range.last, range)
  }
  // Whatever precedes it, a number stated as a percentage, a proportion or a headcount is
  // read by the patterns ("In this study 45% of patients…", "aged 65 and over, 1 in 3…").
  const stated = unitAt(t, after)
  if (stated === 'percent' || stated === 'people' || t.is(after, 'in') || (t.is(after, 'out') && t.is(after + 1, 'of'))) {
    return null
  }
  // Labels: "Table 2", "Type 2 diabetes", "week 12", "Step three"
  if (LABELS.has(t, i - 1) && !t.boundaryBefore(i)) return skipThrough(range.last, range)
  // Ages: "aged 18 to 75", "ages: 40-65", "age range 20-30", "aged between 40 and 60"
  let cue = i - 1
  if (t.is(cue, 'between') || t.is(cue, 'from') || t.is(cue, 'of') || t.isPunct(cue, ':(') || t.is(cue, 'range') || t.is(cue, 'ranging')) cue--
  if (t.is(cue, 'range') || t.is(cue, 'group') || t.is(cue, 'groups')) cue--
  if (AGE_CUES.has(t, cue)) return skipThrough(range.last, range)
  let c = i - 1
  if (t.is(c, 'than') && AGE_COMPARATORS.has(t, c - 1)) c--
  if (AGE_COMPARATORS.has(t, c)) {
    let p = c - 1
    if (t.is(p, 'and') || t.is(p, 'or')) p -= 2
    if (PEOPLE.has(t, p) || (t.is(c + 1, 'the') && t.is(c + 2, 'age'))) return skipThrough(range.last, range)
  }
  if (
    (t.is(after, 'years') || t.is(after, 'year') || t.is(after, 'yrs') || t.is(after, 'yr')) &&
    (t.is(after + 1, 'old') || t.is(after + 1, 'of') && t.is(after + 2, 'age') || (t.isPunct(after + 1, '-') && t.is(after + 2, 'old')))
  ) {
    return skipThrough(after + 1, range)
  }
  if (t.isPunct(after, '-') && (t.is(after + 1, 'year') || t.is(after + 1, 'years')) && t.isPunct(after + 2, '-') && t.is(after + 3, 'old')) {
    return skipThrough(after + 3, range)
  }
  if ((t.is(after, 'and') || t.is(after, 'or')) && (t.is(after + 1, 'older') || t.is(after + 1, 'over') || t.is(after + 1, 'above') || t.is(after + 1, 'younger') || t.is(after + 1, 'under'))) {
    return skipThrough(after + 1, range)
  }
  if (t.is(after, 'yo') || (t.is(after, 'y') && t.isPunct(after + 1, '/'))) return skipThrough(after, range)
  return null
}

/** Reads "[sign] NUM [%]" at j; returns the number, last token and whether it had %. */
function readSignedValue(t: Tokens, j: number): { n: NumberRead; last: number; pct: boolean; sign: number } | null {
  let sign = 1
  let k = j
  if (t.isPunct(k, '-−–') && t.tight(k + 1) && t.k(k + 1) === NUM) {
    sign = -1
    k++
  }
  if (t.k(k) !== NUM) return null
  const n = readNumber(t, k)
  if (!n) return null
  let last = n.last
  let pct = false
  if (t.isPunct(last + 1, '%')) {
    pct = true
    last++
  }
  return { n, last, pct, sign }
}

/** Confidence interval bounds after the "CI" words ending at token j-1. */
function readInterval(t: Tokens, j: number): { lo: number; hi: number; last: number; pct: boolean } | null {
  let k = j
  for (let guard = 0; guard < 3 && (t.isPunct(k, ':,=([') || t.is(k, 'of') || t.is(k, 'was') || t.is(k, 'from') || t.is(k, 'is')); guard++) k++
  const a = readSignedValue(t, k)
  if (!a) return null
  k = a.last + 1
  if (!(t.isPunct(k, '-–—,;') || t.is(k, 'to'))) return null
  const b = readSignedValue(t, k + 1)
  if (!b) return null
  let last = b.last
  if (t.isPunct(last + 1, ')]') && t.isPunct(j, '([')) last++
  return { lo: a.sign * a.n.value, hi: b.sign * b.n.value, last, pct: a.pct || b.pct }
}

/** After a measure name ending at token j-1: "(NNT)", linking words, then the value. */
function readMeasureValue(t: Tokens, j: number): { value: number; last: number; pct: boolean } | null {
  let k = j
  // Optional parenthesised abbreviation: "number needed to treat (NNT) of 4"
  if (t.isPunct(k, '(') && t.k(k + 1) === WORD && t.isPunct(k + 2, ')')) k += 3
  let words = 0
  for (let guard = 0; guard < 6; guard++) {
    if (t.isPunct(k, '=:,≈~<>≤≥')) k++
    else if (LINKING.has(t, k)) k++
    else if (t.k(k) === WORD && words < 3 && !t.boundaryBefore(k) && !t.is(k, 'and')) {
      // a few free words: "odds ratio for recurrence was 2.1"
      words++
      k++
    } else break
  }
  if (t.boundaryBefore(k) && k !== j) return null
  const v = readSignedValue(t, k)
  if (!v || isYearLike(v.n) || isTimeOrDose(t, v.last + 1)) return null
  return { value: v.sign * v.n.value, last: v.last, pct: v.pct }
}

/**
 * Statistical measures, anchored at their keyword: p-values, confidence intervals,
 * odds/hazard/risk ratios, NNT/NNH, effect sizes, correlations and "n = 120".
 */
function measureAtWord(t: Tokens, i: number): Match | null {
  // p-values: "p < 0.01", "P=.03", "p-value of 0.04"
  if (t.is(i, 'p') && !(t.tight(i) && t.k(i - 1) === WORD)) {
    let k = i + 1
    if (t.isPunct(k, '-') && t.is(k + 1, 'value')) k += 2
    else if (t.is(k, 'value')) k += 1
    let linked = false
    while (t.isPunct(k, '<>=≤≥') || t.is(k, 'of') || t.is(k, 'was') || t.is(k, 'is') || t.is(k, 'less') || t.is(k, 'than')) {
      linked = true
      k++
    }
    const v = linked ? readSignedValue(t, k) : null
    if (v && v.n.value <= 1 && !v.pct) return { first: i, last: v.last, kind: 'measure', value: v.n.value, unit: 'ratio' }
    return null
  }
  // n = 120
  if ((t.isExactly(i, 'n') || t.isExactly(i, 'N')) && t.isPunct(i + 1, '=')) {
    const v = readSignedValue(t, i + 2)
    if (v && v.sign > 0 && !v.pct) return { first: i, last: v.last, kind: 'count', value: v.n.value, unit: 'count' }
    return null
  }
  // r = 0.45, d = 0.3
  if ((t.isExactly(i, 'r') || t.isExactly(i, 'R') || t.isExactly(i, 'd') || t.isExactly(i, 'ρ')) && t.isPunct(i + 1, '=')) {
    const v = readSignedValue(t, i + 2)
    if (v && Math.abs(v.n.value) <= 5) return { first: i, last: v.last, kind: 'measure', value: v.sign * v.n.value, unit: 'ratio' }
    return null
  }
  // Confidence intervals without a level: "CI 1.2-3.4", "confidence interval 0.5 to 0.9"
  if (CI_WORDS.has(t, i)) {
    let k = i + 1
    if (t.is(i, 'confidence') || t.is(i, 'credible')) {
      if (!(t.is(k, 'interval') || t.is(k, 'intervals'))) return null
      k++
    } else if (!(t.isExactly(i, 'CI') || t.isExactly(i, 'CrI'))) return null
    const iv = readInterval(t, k)
    if (!iv) return null
    return { first: i, last: iv.last, kind: 'measure', value: iv.lo, upper: iv.hi, unit: iv.pct ? 'percent' : 'ratio' }
  }
  // Abbreviations (case-sensitive): OR 2.3, HR=0.76, NNT 4
  const abbr = MEASURE_ABBR_LEX.get(t, i)
  if (abbr !== undefined) {
    const exact = t.raw(i)
    const unit = MEASURE_ABBR.get(exact)
    if (unit === undefined) return null
    let k = i + 1
    if (t.isPunct(k, '=:,') || t.is(k, 'of') || t.is(k, 'was') || t.is(k, 'is') || t.is(k, 'were')) k++
    if (t.is(k, 'of') || t.isPunct(k, '=')) k++
    const v = readSignedValue(t, k)
    if (!v || isYearLike(v.n) || isTimeOrDose(t, v.last + 1) || unitAt(t, v.last + 1) === 'schedule') return null
    return { first: i, last: v.last, kind: 'measure', value: v.sign * v.n.value, unit: v.pct ? 'percent' : unit }
  }
  // Phrases: "odds ratio of 1.8", "number needed to treat was 4"
  if (MEASURE_FIRST_WORDS.has(t, i)) {
    for (const [words, unit] of MEASURE_PHRASES) {
      let ok = true
      for (let w = 0; w < words.length; w++) {
        if (!t.is(i + w, words[w] ?? '')) {
          ok = false
          break
        }
      }
      if (!ok) continue
      const v = readMeasureValue(t, i + words.length)
      if (!v) return null
      return { first: i, last: v.last, kind: 'measure', value: v.value, unit: v.pct ? 'percent' : unit }
    }
  }
  return null
}

/**
 * A measure named after its value: "a 0.7 correlation", "a 1.8 odds ratio", "a 0.4 effect size".
 * Only decimals: "a 2 hazard ratio" is not how anyone writes, "3 odds" is not a measure.
 */
function measureAfterNumber(t: Tokens, i: number, range: RangeRead): Match | null {
  if (range.hi || !/[.,]/.test(t.raw(i)) || range.lo.value > 100) return null
  const k = range.last + 1
  if (!MEASURE_FIRST_WORDS.has(t, k)) return null
  for (const [words, unit] of MEASURE_PHRASES) {
    if (words.every((word, w) => t.is(k + w, word))) {
      return { first: i, last: k + words.length - 1, kind: 'measure', value: range.lo.value, unit }
    }
  }
  return null
}

/** "95% CI 3 to 7", "95% confidence interval, 0.5-0.9" anchored at the level. */
function levelledInterval(t: Tokens, i: number): Outcome {
  if (t.k(i) !== NUM || !t.isPunct(i + 1, '%')) return null
  let k = i + 2
  if (t.isExactly(k, 'CI') || t.isExactly(k, 'CrI')) k++
  else if ((t.is(k, 'confidence') || t.is(k, 'credible')) && (t.is(k + 1, 'interval') || t.is(k + 1, 'intervals'))) k += 2
  else return null
  const iv = readInterval(t, k)
  if (!iv) return { skipTo: k - 1 }
  return { first: i, last: iv.last, kind: 'measure', value: iv.lo, upper: iv.hi, unit: iv.pct ? 'percent' : 'ratio' }
}

/** A change verb or a score noun shortly before token i, in the same sentence. */
function changeContext(t: Tokens, i: number): { found: boolean; imperative: boolean } {
  for (let k = i - 1; k >= i - 6 && k >= 0; k--) {
    if (CHANGE_VERBS.has(t, k) || SCORE_NOUNS.has(t, k)) {
      // An instruction: the change verb opens the sentence or a bullet ("Increase from 2 to 4").
      let v = k
      while (v > 0 && (t.is(v - 1, 'gradually') || t.is(v - 1, 'slowly') || t.is(v - 1, 'then'))) v--
      const imperative = IMPERATIVE_VERBS.has(t, k) && (t.boundaryBefore(v) || t.isPunct(v - 1, '-*•:'))
      return { found: true, imperative }
    }
    if (t.boundaryBefore(k)) break
  }
  return { found: false, imperative: false }
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** Math.min(decimals, 6)
  return Math.round(x * f) / f
}

/**
 * Score changes: "from 6.8 to 3.1" (after a change verb or a score noun, or written with
 * decimals), "by 4.2 points", "2.1 points", "a 2-point improvement".
 * `value` = size of the change (|to − from|), unit points.
 */
function scoreChange(t: Tokens, i: number, a: NumberRead): Match | null {
  if (t.is(i - 1, 'from')) {
    if (isYearLike(a)) return null
    let k = a.last + 1
    let pct = false
    let outOf = false
    if (t.isPunct(k, '%')) {
      pct = true
      k++
    } else if (t.isPunct(k, '/') && t.tight(k) && t.k(k + 1) === NUM && t.tight(k + 1)) {
      outOf = true // "from 7/10 to 3/10"
      k += 2
    }
    if (t.is(k, 'points') || t.is(k, 'point')) k++
    if (!t.is(k, 'to')) return null
    const b = readNumber(t, k + 1)
    if (!b || isYearLike(b) || b.value === a.value) return null
    let last = b.last
    if (t.isPunct(last + 1, '%')) {
      pct = true
      last++
    } else if (pct) return null
    if (t.is(last + 1, 'points') || t.is(last + 1, 'point')) last++
    else if (t.isPunct(last + 1, '/') && t.tight(last + 1) && t.k(last + 2) === NUM) {
      outOf = true
      last += 2
    }
    const ctx = changeContext(t, i - 1)
    if (ctx.imperative) return null
    // "fell from 92 to 85 kg" is an outcome; "from 200 to 400 mg" or "from 2 to 4 sessions" is not
    let u = unitAt(t, last + 1)
    if (u === 'dose' && ctx.found && MEASUREMENT_UNITS.has(t, last + 1)) {
      u = 'none'
      last++
      if (t.isPunct(last + 1, '/') && t.tight(last + 1) && t.k(last + 2) === WORD) last += 2 // mg/dL, mmol/L
    }
    if (u === 'time' || u === 'dose' || u === 'money' || u === 'schedule' || u === 'people') return null
    if (t.isPunct(i - 2, '$£€') || t.isPunct(k + 1, '$£€')) return null
    if (!ctx.found && a.decimals === 0 && b.decimals === 0 && !pct && !outOf) return null
    const value = roundTo(Math.abs(b.value - a.value), Math.max(a.decimals, b.decimals))
    return { first: i - 1, last, kind: 'scoreChange', value, unit: 'points' }
  }
  const n = a
  if (n.isWord) return null
  // "a 2-point improvement"
  if (t.isPunct(n.last + 1, '-') && t.tight(n.last + 1) && t.is(n.last + 2, 'point') && CHANGE_NOUNS.has(t, n.last + 3)) {
    return { first: i, last: n.last + 3, kind: 'scoreChange', value: n.value, unit: 'points' }
  }
  // "by 4.2 points", "2.1 points for usual care"
  if (t.is(n.last + 1, 'points') || t.is(n.last + 1, 'point') || t.is(n.last + 1, 'pts')) {
    if (t.is(n.last + 1, 'point') && n.value !== 1) return null
    const prevOk =
      t.is(i - 1, 'by') || t.is(i - 1, 'of') || t.is(i - 1, 'than') || t.is(i - 1, 'vs') || t.is(i - 1, 'versus') ||
      ((t.is(i - 1, 'with') || t.is(i - 1, 'to')) && t.is(i - 2, 'compared'))
    if (prevOk || n.decimals > 0 || POINT_FOLLOWERS.has(t, n.last + 2)) {
      return { first: i, last: n.last + 1, kind: 'scoreChange', value: n.value, unit: 'points' }
    }
  }
  return null
}

/**
 * Proportions: "seven in ten", "1 in 3", "one out of five", "2 of every 5",
 * "12 of 40 patients", "12/40 patients", "5 per 1,000". Normalised to percent.
 */
function proportion(t: Tokens, i: number, a: NumberRead): Match | null {
  let k = a.last + 1
  let needsPeople = false
  let rate = false
  if (t.is(k, 'in') || (t.is(k, 'out') && t.is(k + 1, 'of'))) {
    k += t.is(k, 'out') ? 2 : 1
    if (t.is(k, 'every')) k++
  } else if (t.is(k, 'of')) {
    k++
    if (t.is(k, 'every')) k++
    else needsPeople = true
  } else if (t.isPunct(k, '/') && t.tight(k) && t.tight(k + 1) && !a.isWord) {
    k++
    needsPeople = true
  } else if (t.is(k, 'per') && !a.isWord) {
    k++
    rate = true
  } else return null
  const b = readNumber(t, k)
  if (!b || b.decimals > 0 || isYearLike(b)) return null
  if (b.value < 2 || a.value > b.value) return null
  if (rate && !(b.value >= 100 && /^10*$/.test(String(b.value)))) return null
  if (isTimeOrDose(t, b.last + 1)) return null
  let last = b.last
  if (needsPeople) {
    let p = b.last + 1
    if (DETERMINERS.has(t, p)) p++
    if (!PEOPLE.has(t, p) && !(t.isPunct(k - 1, '/') && t.is(p, 'of'))) return null
    if (PEOPLE.has(t, p)) last = p
  }
  return { first: i, last, kind: 'proportion', value: (a.value / b.value) * 100, unit: 'percent' }
}

/** Percentages: "70%", "45 percent", "25-40%", "25% to 40%", "70%+", "5 percentage points". */
function percentage(t: Tokens, i: number, range: RangeRead): Match | null {
  let k = range.last + 1
  // "60+%": an open upper bound written before the sign.
  if (t.isPunct(k, '+') && t.tight(k) && t.tight(k + 1)) k++
  // "50-percent drop", "50-per-cent": a hyphen joining the number to the percent word.
  if (t.isPunct(k, '-') && t.tight(k) && t.tight(k + 1) && (t.is(k + 1, 'percent') || t.is(k + 1, 'pct') || t.is(k + 1, 'per'))) k++
  const perCent = t.is(k, 'per') && t.isPunct(k + 1, '-') && t.tight(k + 1) && t.is(k + 2, 'cent')
  let unit: StatisticUnit = 'percent'
  if (t.isPunct(k, '%％')) {
    // keep k
  } else if (t.is(k, 'percent') || t.is(k, 'pct')) {
    // keep k
  } else if (t.is(k, 'per') && t.is(k + 1, 'cent')) {
    k++
  } else if (perCent) {
    k += 2
  } else if (t.is(k, 'percentage') && (t.is(k + 1, 'points') || t.is(k + 1, 'point'))) {
    k++
    unit = 'points'
  } else {
    return null
  }
  let last = k
  if (t.isPunct(last + 1, '+') && t.tight(last + 1)) last++
  // A concentration, discount or slogan: "1% hydrocortisone cream", "20% off", "100% natural"
  const next = last + 1
  if (PERCENT_NON_STAT.has(t, next)) return null
  if (t.is(next, 'of')) {
    let p = next + 1
    if (t.is(p, 'the') || t.is(p, 'your') || t.is(p, 'their')) p++
    if (PERCENT_OF_NON_STAT.has(t, p) || (t.is(p - 1, 'your') && !PEOPLE.has(t, p))) return null
  }
  const lo = range.lo.value
  const match: Match = { first: range.between ? i - 1 : i, last, kind: 'percentage', value: lo, unit }
  if (range.hi) match.upper = range.hi.value
  return match
}

/** Extends a multiplier's span over its comparison; returns the last token or -1. */
function comparison(t: Tokens, k: number): number {
  if (t.is(k, 'as') && t.k(k + 1) === WORD) return k + 1
  if (t.is(k, 'the') || t.is(k, 'that')) {
    const noun = k + 1
    if (t.k(noun) !== WORD || isTimeOrDose(t, noun) || unitAt(t, noun) === 'schedule' || NON_STAT_NOUN_EXTRA.has(t, noun)) return -1
    if (t.is(k, 'that') && !t.is(noun, 'of')) return -1
    if (t.k(noun + 1) === WORD && (isTimeOrDose(t, noun + 1) || NON_STAT_NOUN_EXTRA.has(t, noun + 1))) return -1
    return noun
  }
  if (COMPARATIVE.has(t, k)) {
    if ((t.is(k, 'more') || t.is(k, 'less')) && t.k(k + 1) === WORD && !COUNT_STOP.has(t, k + 1) && !t.is(k + 1, 'often')) return k + 1
    if (t.is(k, 'over') || t.is(k, 'above') || t.is(k, 'below')) {
      return t.is(k + 1, 'baseline') || t.is(k + 1, 'normal') || t.is(k + 1, 'average') ? k + 1 : -1
    }
    if (t.is(k, 'baseline') || t.is(k, 'normal') || t.is(k, 'average')) return -1
    return k
  }
  return -1
}

/** Dose/instruction context for doubling verbs: "the dose was doubled", "double the dose". */
function doseNearby(t: Tokens, i: number): boolean {
  for (let k = i - 3; k <= i + 3; k++) {
    if (k === i || k < 0) continue
    if (DOSE_UNITS.has(t, k) || t.is(k, 'dose') || t.is(k, 'dosage') || t.is(k, 'intake') || t.is(k, 'recipe')) return true
  }
  return false
}

/**
 * Multipliers: "twice as likely", "3x faster", "2.5 times higher", "three times the
 * risk", "fourfold", "4-fold increase", "doubled", "half as likely".
 */
function multiplier(t: Tokens, i: number, number: NumberRead | null = null): Match | null {
  // fourfold / tenfold
  const fold = FOLD_WORD.get(t, i)
  if (fold !== undefined) {
    const value = fold === 'manyfold' ? null : parseNumberWords(fold.slice(0, -4))
    if (value === null) return null
    const cmp = comparison(t, i + 1)
    return { first: i, last: cmp === -1 ? i : cmp, kind: 'multiplier', value, unit: 'multiplier' }
  }
  // twice / thrice / double / triple
  const mult = MULTIPLICATIVE_LEX.get(t, i)
  if (mult !== undefined) {
    const value = MULTIPLICATIVE.get(mult) ?? 0
    if (t.isPunct(i + 1, '-')) return null // double-blind, double-check
    const cmp = comparison(t, i + 1)
    if (cmp === -1) return null
    if ((mult === 'double' || mult === 'triple' || mult === 'quadruple') && (doseNearby(t, i) || t.boundaryBefore(i))) return null
    return { first: i, last: cmp, kind: 'multiplier', value, unit: 'multiplier' }
  }
  // doubled / halved
  const verb = MULTIPLICATIVE_VERB_LEX.get(t, i)
  if (verb !== undefined) {
    if (verb === 'halves' && !t.is(i - 1, 'it') && !t.is(i - 1, 'that')) return null
    if (doseNearby(t, i) || t.boundaryBefore(i) || t.isPunct(i - 1, '-*•:')) return null
    // "doubled over in pain", "doubled up", "doubled back"
    if (t.is(i + 1, 'up') || t.is(i + 1, 'down') || t.is(i + 1, 'back')) return null
    if (t.is(i + 1, 'over') && (t.k(i + 2) === PUNCT || t.k(i + 2) === 0 || t.is(i + 2, 'in') || t.is(i + 2, 'with') || t.is(i + 2, 'and'))) return null
    return { first: i, last: i, kind: 'multiplier', value: MULTIPLICATIVE_VERB.get(verb) ?? 0, unit: 'multiplier' }
  }
  // N times / Nx / N-fold
  const n = number ?? readNumber(t, i)
  if (!n || n.value <= 0) return null
  let k = n.last + 1
  if (t.isPunct(k, '-') && t.tight(k) && t.is(k + 1, 'fold')) {
    const cmp = comparison(t, k + 2)
    return { first: i, last: cmp === -1 ? k + 1 : cmp, kind: 'multiplier', value: n.value, unit: 'multiplier' }
  }
  if (t.is(k, 'fold')) {
    const cmp = comparison(t, k + 1)
    return { first: i, last: cmp === -1 ? k : cmp, kind: 'multiplier', value: n.value, unit: 'multiplier' }
  }
  const times = t.is(k, 'times') || t.is(k, 'x') || t.is(k, 'X') || t.isPunct(k, '×')
  if (!times) return null
  if (t.is(k, 'x') && !t.tight(k) && n.isWord) return null
  k++
  const cmp = comparison(t, k)
  if (cmp === -1) return null
  return { first: i, last: cmp, kind: 'multiplier', value: n.value, unit: 'multiplier' }
}

/**
 * Counts of people or events: "1,162 patients", "30 healthy volunteers", "2 million
 * Americans", "20-30 women". Number words count from two ("Two patients withdrew").
 */
function count(t: Tokens, i: number, range: RangeRead): Match | null {
  const { lo } = range
  if (lo.isWord && lo.value < 2) return null
  if (lo.decimals > 0 && !SCALE.has(t, lo.last)) return null
  let k = range.last + 1
  let modifiers = 0
  while (modifiers < 3) {
    if (PEOPLE.has(t, k)) {
      const match: Match = { first: range.between ? i - 1 : i, last: k, kind: 'count', value: lo.value, unit: 'count' }
      if (range.hi) match.upper = range.hi.value
      return match
    }
    if (t.k(k) === WORD && !COUNT_STOP.has(t, k) && unitAt(t, k) === 'none' && !CARDINAL.has(t, k) && !t.boundaryBefore(k)) {
      modifiers++
      k++
      if (t.isPunct(k, '-') && t.tight(k) && t.k(k + 1) === WORD) k++
      continue
    }
    break
  }
  return null
}

/** "half an hour", "a third of a cup", "half the dose": a quantity follows token k. */
function quantityAfter(t: Tokens, k: number): boolean {
  let p = k
  if (t.is(p, 'of')) p++
  if (DETERMINERS.has(t, p) && !PRONOUNS.has(t, p)) p++
  if (t.k(p) === WORD && t.k(p + 1) === WORD && !PEOPLE.has(t, p) && (isTimeOrDose(t, p + 1) || NON_STAT_NOUN_EXTRA.has(t, p + 1))) return true
  return isTimeOrDose(t, p) || unitAt(t, p) === 'schedule' || NON_STAT_NOUN_EXTRA.has(t, p)
}

/**
 * Fractions: "half of the patients", "nearly half", "two-thirds", "a third of adults",
 * "by a quarter", "half as likely" (→ multiplier 0.5). Anchored at the denominator;
 * ordinals ("the third session", "a third visit") and quantities ("half an hour",
 * "half the dose", "the second half") are rejected.
 */
function fraction(t: Tokens, i: number, floor: number): Match | null {
  const word = DENOMINATOR.get(t, i)
  if (word === undefined) return null
  const denominator = denominatorValue(word)
  if (denominator === null) return null
  const isPlural = word.endsWith('s')
  // numerator: "two-thirds", "two thirds", "a third", "one half", "2 thirds"
  let first = i
  let numerator = 1
  let written = false
  let j = i - 1
  if (t.isPunct(j, '-') && t.tight(j) && t.tight(i)) j--
  if (j >= floor && !t.boundaryBefore(j + 1)) {
    if (t.is(j, 'a') || t.is(j, 'an')) {
      first = j
      written = true
    } else if (CARDINAL.has(t, j) || (t.k(j) === NUM && !t.raw(j).includes('.'))) {
      // allow "twenty-three hundredths" style compounds? keep to one word / one number
      const v = t.k(j) === NUM ? Number(t.raw(j).replace(/,/g, '')) : parseNumberWords(t.raw(j))
      if (v === null || !(v > 0)) return null
      numerator = v
      first = j
      written = true
    }
  }
  if (isPlural ? numerator < 2 : numerator !== 1) return null
  if (!written && word !== 'half') return null // "third", "quarter" alone are ordinals / time
  if (!written && HALF_BLOCKERS.has(t, i - 1)) return null // "the second half", "one half"
  const value = (numerator / denominator) * 100
  const next = i + 1
  // "half as likely" → multiplier
  if (word === 'half' && !written && t.is(next, 'as') && t.k(next + 1) === WORD) {
    return { first, last: next + 1, kind: 'multiplier', value: 0.5, unit: 'multiplier' }
  }
  if (t.isPunct(next, '-') && t.tight(next)) return null // half-life, quarter-hour
  if (quantityAfter(t, next)) return null
  // The population the fraction is of, if named: "of (the|all) patients", "the patients"
  let last = i
  let p = next
  const hasOf = t.is(p, 'of')
  if (hasOf) p++
  if (DETERMINERS.has(t, p) && !PRONOUNS.has(t, p)) p++
  if (PEOPLE.has(t, p) || (hasOf && PRONOUNS.has(t, p))) last = p
  else if (hasOf && t.k(p) === WORD && PEOPLE.has(t, p + 1) && !COUNT_STOP.has(t, p)) last = p + 1
  // "cut pain in half", "reduced in half": a change by half — not "fold the towel in half".
  const inHalf = word === 'half' && !written && t.is(first - 1, 'in') && (() => {
    const context = changeContext(t, first - 1)
    return context.found && !context.imperative
  })()
  const byChange = t.is(first - 1, 'by') || inHalf
  const qualified = QUALIFIER_LAST_WORDS.has(t, first - 1) || t.is(first - 1, 'than') || t.is(first - 1, 'to')
  const endsClause = t.k(next) === PUNCT || t.k(next) === 0 || t.is(next, 'and') || t.is(next, 'or') || t.is(next, 'but')
  const bareHalfDet = word === 'half' && !written && DETERMINERS.has(t, next) && !t.is(next, 'a') && !t.is(next, 'an')
  const accepted =
    hasOf || byChange || last !== i || bareHalfDet || (isPlural && numerator > 1 && !t.is(next, 'of')) || ((qualified || written) && endsClause) || (qualified && word === 'half')
  if (!accepted) return null
  if (word === 'half' && !written && !hasOf && !bareHalfDet && !qualified && !byChange) return null
  return { first, last, kind: byChange ? 'percentage' : 'proportion', value, unit: 'percent' }
}

/** Extends a match's start over a directly preceding qualifier ("up to (a)", "nearly", "<"). */
function withQualifier(t: Tokens, first: number, floor: number, numeric: boolean): number {
  let j = first - 1
  if (j < floor) return first
  // comparison symbols: "<5%", ">= 70%", "~40%"
  if (numeric && t.isPunct(j, '<>≤≥~≈')) {
    let s = j
    if (t.isPunct(s - 1, '<>') && t.isPunct(j, '=') && s - 1 >= floor) s--
    return s
  }
  if (numeric && t.isPunct(j, '=') && t.isPunct(j - 1, '<>') && j - 1 >= floor) return j - 1
  let article = -1
  if ((t.is(j, 'a') || t.is(j, 'an')) && !t.is(first, 'a') && !t.is(first, 'an')) {
    article = j
    j--
  }
  if (j < floor || !QUALIFIER_LAST_WORDS.has(t, j)) return first
  for (const q of QUALIFIERS) {
    const qs = j - q.length + 1
    if (qs < floor) continue
    let ok = true
    for (let w = 0; w < q.length; w++) {
      if (!t.is(qs + w, q[w] ?? '')) {
        ok = false
        break
      }
    }
    if (ok) {
      // "an estimated" needs no extra article; "up to a 50%" keeps the article
      return article !== -1 && q[0] === 'an' ? first : qs
    }
  }
  return first
}

// ---------------------------------------------------------------------------------------
// Driver
// ---------------------------------------------------------------------------------------

/** Hashes of words that can start a pattern. */
const ANCHOR_HASHES = new Set<number>()
for (const w of [
  ...UNITS_0_19, ...TENS, ...SCALES, 'p', 'n', 'r', 'd', 'ρ', 'ci', 'cri', 'confidence', 'credible',
  ...MULTIPLICATIVE.keys(), ...MULTIPLICATIVE_VERB.keys(),
  ...[...MEASURE_ABBR.keys()].map((a) => a.toLowerCase()),
  ...MEASURE_PHRASES.map(([w]) => w[0] ?? ''),
  'half', 'halves', 'third', 'thirds', 'quarter', 'quarters', 'fourth', 'fourths', 'fifth', 'fifths', 'sixth', 'sixths',
  'seventh', 'sevenths', 'eighth', 'eighths', 'ninth', 'ninths', 'tenth', 'tenths', 'hundredth', 'hundredths',
]) {
  ANCHOR_HASHES.add(hashWord(w))
}
for (const w of [...UNITS_0_19, ...TENS, 'hundred', 'thousand', 'many']) ANCHOR_HASHES.add(hashWord(`${w}fold`))

function tryAt(t: Tokens, i: number, floor: number): Match | Skip | null {
  const kind = t.k(i)
  if (kind === WORD) {
    const m = measureAtWord(t, i)
    if (m) return m
    const f = fraction(t, i, floor)
    if (f) return f
    if (!CARDINAL.has(t, i)) return multiplier(t, i)
  }
  const lvl = levelledInterval(t, i)
  if (lvl) return lvl
  const range = readRange(t, i)
  if (!range) return null
  const no = notAStatistic(t, i, range)
  if (no) return no
  const m =
    scoreChange(t, i, range.lo) ??
    proportion(t, i, range.lo) ??
    percentage(t, i, range) ??
    measureAfterNumber(t, i, range) ??
    multiplier(t, i, range.lo) ??
    count(t, i, range)
  if (m) return m
  // Consume a whole range that is not a statistic ("two to three sessions") so that its
  // upper bound is not read on its own.
  if (range.hi) return { skipTo: range.last }
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
  if (original.length === 0) return out
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
    const stat: DetectedStatistic = { text: original.slice(start, end), start, end, kind: r.kind, value: r.value, unit: r.unit }
    if (r.upper !== undefined) stat.upper = r.upper
    out.push(stat)
    i = r.last + 1
    floor = i
  }
  return out
}

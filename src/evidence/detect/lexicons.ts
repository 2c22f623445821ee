/**
 * The word classes `detectStatistics` reads context from: number words, fraction words,
 * multiplicatives, time/dose/measurement units, schedule nouns, people nouns, change
 * verbs, score nouns, labels, qualifiers and the names of statistical measures.
 *
 * Each class is a `Lexicon`: a closed list looked up by a token's precomputed hash and
 * then verified character by character. Change a list here to change what a pattern
 * accepts; the patterns themselves live in the other files of this folder.
 */
import type { StatisticUnit } from '../types'
import { hashWord, WORD } from './tokens'
import type { Tokens } from './tokens'

/** A closed word class, looked up by the token's precomputed hash and then verified. */
export class Lexicon {
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

export const UNITS_0_19 = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
]
export const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
export const SCALES = ['hundred', 'thousand', 'million', 'billion']

/** English cardinal number lexemes (values come from compromise). */
export const CARDINAL = new Lexicon([...UNITS_0_19, ...TENS, ...SCALES])
export const SCALE = new Lexicon(SCALES)
/** "fourfold", "tenfold", "hundredfold" … */
export const FOLD_WORD = new Lexicon([...UNITS_0_19, ...TENS, 'hundred', 'thousand', 'many'].map((w) => `${w}fold`))
/** Fraction denominators. "half"/"quarter" are hand-valued; the ordinals go to compromise. */
export const DENOMINATOR = new Lexicon([
  'half', 'halves',
  ...plural(['third', 'quarter', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'hundredth']),
])
/** Multiplicative adverbs/adjectives (need a comparison after them). */
export const MULTIPLICATIVE: ReadonlyMap<string, number> = new Map([
  ['twice', 2], ['thrice', 3], ['double', 2], ['triple', 3], ['quadruple', 4],
])
export const MULTIPLICATIVE_LEX = new Lexicon([...MULTIPLICATIVE.keys()])
/** Multiplicative verbs: a statistic on their own ("rates doubled"). */
export const MULTIPLICATIVE_VERB: ReadonlyMap<string, number> = new Map([
  ['doubled', 2], ['doubling', 2], ['doubles', 2],
  ['tripled', 3], ['tripling', 3], ['triples', 3], ['trebled', 3],
  ['quadrupled', 4], ['quadrupling', 4], ['quadruples', 4],
  ['halved', 0.5], ['halving', 0.5], ['halves', 0.5],
])
export const MULTIPLICATIVE_VERB_LEX = new Lexicon([...MULTIPLICATIVE_VERB.keys()])

export const TIME_UNITS = new Lexicon([
  ...plural(['second', 'sec', 'minute', 'min', 'hour', 'hr', 'day', 'night', 'week', 'wk', 'weekend', 'month', 'mo', 'year', 'yr', 'decade', 'semester', 'term']),
  'h', 'd', 'am', 'pm', 'morning', 'mornings', 'evening', 'evenings', 'daily', 'weekly', 'monthly', 'yearly',
  'annually', 'hourly', 'nightly', 'o\'clock', 'time', 'times',
])
/** Body measurements: not statistics on their own, but outcomes in "fell from 92 to 85 kg". */
export const MEASUREMENT_UNITS = new Lexicon([
  'kg', 'lb', 'lbs', 'mmhg', 'bpm', 'cm', 'mm', 'mmol', 'dl', 'inches',
  ...plural(['kilogram', 'pound', 'inch', 'centimetre', 'centimeter', 'millimetre', 'millimeter']),
])
export const DOSE_UNITS = new Lexicon([
  'mg', 'g', 'mcg', 'µg', 'μg', 'ug', 'kg', 'ml', 'l', 'dl', 'iu', 'mmol', 'mmhg', 'bpm', 'cm', 'mm', 'km', 'm', 'ft',
  'feet', 'foot', 'oz', 'lb', 'lbs', 'tsp', 'tbsp', 'kcal', 'cal', 'cc',
  ...plural(['gram', 'milligram', 'microgram', 'kilogram', 'litre', 'liter', 'millilitre', 'milliliter', 'unit',
    'tablet', 'pill', 'capsule', 'drop', 'puff', 'spray', 'serving', 'portion', 'cup', 'teaspoon', 'tablespoon',
    'ounce', 'pound', 'calorie', 'inch', 'mile', 'metre', 'meter', 'kilometre', 'kilometer', 'step', 'degree',
    'dose', 'dosage', 'shot', 'injection', 'needle', 'patch', 'scoop', 'gummy', 'sachet', 'vial', 'lozenge',
    'mouthful', 'sip', 'bite', 'piece', 'slice', 'handful', 'pump', 'spoonful']),
  'inches', 'patches', 'gummies', 'glass', 'glasses',
])
export const SCHEDULE_NOUNS = new Lexicon(plural([
  'session', 'treatment', 'visit', 'appointment', 'rep', 'repetition', 'set', 'round', 'breath', 'cycle', 'class',
  'lesson', 'meal', 'exercise', 'stretch', 'point', 'acupoint', 'pose', 'lap', 'course', 'block', 'interval',
  'hold', 'pass', 'stroke', 'count', 'beat',
]).concat(['classes', 'stretches', 'passes']))
export const CURRENCY_WORDS = new Lexicon(['dollars', 'dollar', 'usd', 'eur', 'euros', 'euro', 'gbp', 'cents', 'cent', 'pence', 'aud', 'cad'])
export const PEOPLE = new Lexicon([
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
export const PERCENT_WORDS = new Lexicon(['percent', 'pct', 'percentage'])
/** Comparisons that make "N times" / "twice" a multiplier. */
export const COMPARATIVE = new Lexicon([
  'more', 'less', 'fewer', 'greater', 'higher', 'lower', 'larger', 'smaller', 'bigger', 'faster', 'slower', 'quicker',
  'better', 'worse', 'stronger', 'weaker', 'longer', 'shorter', 'likelier', 'costlier', 'cheaper', 'deadlier',
  'riskier', 'healthier', 'harder', 'easier', 'sooner', 'later', 'increase', 'increased', 'decrease', 'decreased',
  'reduction', 'reduced', 'rise', 'drop', 'improvement', 'improved', 'elevated', 'excess', 'over', 'above', 'below',
  'baseline', 'normal', 'average',
])
/** Words after a fraction / "times the" that make it a quantity, not a statistic. */
export const NON_STAT_NOUN_EXTRA = new Lexicon(['life', 'lives', 'marathon', 'way', 'hearted', 'price', 'cost', 'size', 'length', 'amount', 'recipe', 'inch', 'mark'])
export const CHANGE_VERBS = new Lexicon([
  'dropped', 'drop', 'drops', 'dropping', 'fell', 'fall', 'falls', 'falling', 'declined', 'decline', 'declines',
  'declining', 'decreased', 'decrease', 'decreases', 'decreasing', 'reduced', 'reduce', 'reduces', 'reducing',
  'improved', 'improve', 'improves', 'improving', 'increased', 'increase', 'increases', 'increasing', 'rose', 'rise',
  'rises', 'rising', 'risen', 'went', 'gone', 'go', 'moved', 'changed', 'change', 'changes', 'shifted', 'climbed',
  'jumped', 'lowered', 'raised', 'grew', 'grown', 'plummeted', 'plunged', 'soared', 'slid', 'dipped', 'worsened',
  'deteriorated', 'recovered', 'reduction', 'improvement', 'fallen', 'cut',
])
export const SCORE_NOUNS = new Lexicon([
  ...plural(['score', 'rating', 'level', 'index', 'scale', 'grade', 'reading', 'value', 'measure']),
  'pain', 'disability', 'hba1c', 'bmi', 'vas', 'nrs', 'odi', 'womac', 'phq', 'gad', 'rmdq', 'average', 'mean',
  'median',
])
/** Base forms of change verbs: sentence-initial, they give an instruction ("Increase from 2 to 4"). */
export const IMPERATIVE_VERBS = new Lexicon(['drop', 'decline', 'decrease', 'reduce', 'improve', 'increase', 'rise', 'go', 'change', 'cut', 'move', 'shift', 'lower', 'raise', 'build', 'progress', 'work', 'step', 'bump', 'scale', 'taper', 'gradually', 'slowly'])
/** Nouns after "N-point" that make it a score change ("a 2-point improvement"). */
export const CHANGE_NOUNS = new Lexicon([
  ...plural(['reduction', 'improvement', 'decrease', 'increase', 'drop', 'decline', 'gain', 'change', 'difference',
    'rise', 'fall', 'boost', 'benefit', 'advantage', 'shift', 'swing', 'jump', 'lead']),
])
/** Words that may follow "N points" to make it a score statement. */
export const POINT_FOLLOWERS = new Lexicon([
  'lower', 'higher', 'more', 'fewer', 'less', 'better', 'worse', 'greater', 'on', 'in', 'from', 'below', 'above',
  'compared', 'versus', 'vs', 'than', 'over',
  ...plural(['reduction', 'improvement', 'decrease', 'increase', 'drop', 'decline', 'gain', 'change', 'difference']),
])
export const PREPOSITIONS = new Lexicon(['in', 'since', 'by', 'until', 'till', 'during', 'before', 'after', 'of', 'from', 'to', 'through', 'around', 'circa', 'year', 'early', 'late', 'mid', 'spring', 'summer', 'autumn', 'fall', 'winter'])
export const MONTHS = new Lexicon([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
])
/** Words that label a following number: "Table 2", "Step 3", "Type 2 diabetes", "week 12". */
export const LABELS = new Lexicon([
  'table', 'figure', 'fig', 'step', 'chapter', 'section', 'phase', 'type', 'grade', 'stage', 'level', 'tier', 'part',
  'page', 'pp', 'version', 'item', 'question', 'no', 'vol', 'volume', 'issue', 'ref', 'reference', 'session', 'week',
  'day', 'month', 'year', 'visit', 'dose', 'round', 'lesson', 'unit', 'room', 'suite', 'box', 'line', 'row', 'column',
  'appendix', 'verse', 'tip', 'rule', 'number', 'class', 'category', 'trial', 'study', 'group', 'arm', 'cohort',
  'module', 'act', 'route', 'highway', 'floor', 'building', 'apartment', 'apt', 'ste', 'zone', 'lead', 'channel',
  'covid', 'vitamin', 'omega', 'top', 'size', 'model', 'option', 'plan', 'exercise', 'lumbar', 'cervical',
  'thoracic', 'sacral', 'meridian', 'point', 'acupoint', 'hour', 'minute', 'age', 'aged', 'ages',
])
export const AGE_CUES = new Lexicon(['aged', 'age', 'ages', 'ageing', 'aging'])
export const AGE_COMPARATORS = new Lexicon(['over', 'under', 'above', 'below', 'older', 'younger', 'beyond', 'past'])
export const ORDINAL_SUFFIX = new Lexicon(['st', 'nd', 'rd', 'th', 's'])
export const DETERMINERS = new Lexicon(['the', 'all', 'those', 'these', 'their', 'our', 'your', 'its', 'his', 'her', 'them', 'us', 'you', 'a', 'an', 'such'])
export const PRONOUNS = new Lexicon(['them', 'us', 'you', 'those', 'these'])
/** Words that, before a bare "half", make it a part of something ("the second half"). */
export const HALF_BLOCKERS = new Lexicon(['the', 'first', 'second', 'last', 'latter', 'former', 'other', 'top', 'bottom', 'lower', 'upper', 'back', 'front', 'left', 'right', 'final', 'early', 'late', 'one'])
/** Words that follow a percentage and make it a concentration, discount or slogan. */
export const PERCENT_NON_STAT = new Lexicon([
  'off', 'discount', 'discounts', 'cashback', 'rebate', 'deposit', 'tip', 'tax', 'vat', 'interest', 'apr', 'cream',
  'gel', 'ointment', 'lotion', 'solution', 'spray', 'patch', 'milk', 'alcohol', 'ethanol', 'saline', 'lidocaine',
  'hydrocortisone', 'capsaicin', 'menthol', 'cocoa', 'cacao', 'dark', 'juice', 'extract', 'natural', 'pure', 'organic',
  'cotton', 'wool', 'silk', 'whole', 'abv', 'guaranteed', 'guarantee', 'satisfaction', 'money', 'refund',
  'refundable', 'recyclable', 'vegan', 'drug', 'strength', 'concentration', 'proof', 'humidity', 'charged',
  'battery', 'effort', 'committed', 'sure', 'certain', 'focused',
])
/** Nouns after "N% of (the) …" that make it a dose or an instruction target. */
export const PERCENT_OF_NON_STAT = new Lexicon(['daily', 'dv', 'rda', 'body', 'recommended', 'your', 'max', 'maximum', 'price', 'cost', 'fee', 'bill', 'total'])
/** Modifier words may sit between a count and its noun; these may not. */
export const COUNT_STOP = new Lexicon([
  'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'per', 'a', 'an', 'the', 'and', 'or', 'but', 'than', 'as',
  'who', 'that', 'which', 'were', 'was', 'is', 'are', 'be', 'been', 'had', 'have', 'has', 'their', 'our', 'more',
  'less', 'fewer', 'over', 'under', 'about', 'into', 'out', 'up', 'down', 'each', 'every', 'times', 'x', 'key', 'main',
  'ways', 'way', 'signs', 'tips', 'steps', 'things', 'reasons', 'benefits', 'types', 'kinds', 'common', 'simple',
  'easy', 'best', 'top',
])
export const LINKING = new Lexicon(['was', 'were', 'is', 'are', 'of', 'at', 'equal', 'equals', 'to', 'about', 'approximately', 'around', 'roughly', 'a', 'an', 'reached', 'be', 'being', 'been', 'estimated', 'only', 'just', 'nearly', 'almost', 'calculated', 'as', 'with', 'value'])

/** Statistical measures written as phrases, longest first. [words, unit when no %] */
export const MEASURE_PHRASES: ReadonlyArray<readonly [readonly string[], StatisticUnit]> = [
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
export const MEASURE_FIRST_WORDS = new Lexicon(MEASURE_PHRASES.map(([w]) => w[0] ?? ''))
/** Case-sensitive abbreviations → unit when no %. */
export const MEASURE_ABBR: ReadonlyMap<string, StatisticUnit> = new Map([
  ['OR', 'ratio'], ['aOR', 'ratio'], ['AOR', 'ratio'], ['HR', 'ratio'], ['aHR', 'ratio'], ['RR', 'ratio'],
  ['aRR', 'ratio'], ['IRR', 'ratio'], ['ARR', 'percent'], ['RRR', 'percent'], ['ARI', 'percent'], ['RD', 'percent'],
  ['NNT', 'count'], ['NNH', 'count'], ['NNTB', 'count'], ['NNTH', 'count'], ['SMD', 'ratio'], ['MD', 'points'],
  ['WMD', 'points'], ['ES', 'ratio'],
])
export const MEASURE_ABBR_LEX = new Lexicon([...MEASURE_ABBR.keys()])
export const CI_WORDS = new Lexicon(['ci', 'cri', 'confidence', 'credible'])

/** Qualifiers that belong to the statistic's span, matched backwards. */
export const QUALIFIERS: ReadonlyArray<readonly string[]> = [
  ['up', 'to'], ['as', 'much', 'as'], ['as', 'many', 'as'], ['as', 'few', 'as'], ['as', 'little', 'as'],
  ['no', 'more', 'than'], ['more', 'than'], ['less', 'than'], ['fewer', 'than'], ['greater', 'than'],
  ['at', 'least'], ['at', 'most'], ['close', 'to'], ['upwards', 'of'], ['in', 'excess', 'of'], ['well', 'over'],
  ['just', 'over'], ['just', 'under'], ['an', 'estimated'], ['nearly'], ['almost'], ['about'], ['around'],
  ['approximately'], ['approx'], ['roughly'], ['over'], ['under'], ['only'], ['just'], ['some'], ['estimated'],
  ['barely'], ['fully'], ['exactly'], ['precisely'], ['circa'], ['below'], ['above'], ['overall'],
]
export const QUALIFIER_LAST_WORDS = new Lexicon(QUALIFIERS.map((q) => q[q.length - 1] ?? ''))

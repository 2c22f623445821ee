/**
 * Pure parser of the clinics' loose plain-text article format (see
 * `tests/fixtures/acupuncture-back-pain.txt`). Nothing here imports Payload: the importer turns
 * a `ParsedArticle` into documents elsewhere.
 *
 * The format, top to bottom (everything except the numbered sections is optional):
 *
 *   Title: …                                   (optional first line)
 *   intro paragraphs
 *   1. Benefit Title                           (numbered benefit sections, 1..N in order)
 *      body paragraphs
 *      How It Works: A Clinical Perspective    (perspective heading + paragraphs)
 *      Actionable Tips for Your Treatment      (tips heading, lead-in ending in ':', "- Title: instruction" bullets)
 *      closing paragraphs
 *   Benefits Comparison of …                   (heading + pipe table "Aspect | <benefit> | …")
 *   Your Next Step …                           (heading + paragraphs)
 *   “A quote.”
 *   Key Takeaways / Actionable Next Steps / Why It Matters
 *   conclusion paragraphs
 *   call-to-action paragraph ("Ready to …? Schedule your consultation today …")
 *
 * Every non-blank line is one paragraph. Errors are `ImportError`s whose message starts with
 * "line N: " and is written for the marketer who uploaded the file.
 */

import type { AftercareTip } from '../../payload-types'

// ---------------------------------------------------------------------------------------------
// Public types

/** When a tip applies, relative to a treatment session. */
export type TipTiming = NonNullable<AftercareTip['timing']>

/** What a tip is about (the `aftercare-tips` category options, from the generated types). */
export type TipCategory = NonNullable<AftercareTip['category']>

/** Rating word at the start of a comparison cell ("Medium – …"); "Moderate" maps to medium. */
export type ComparisonRating = 'low' | 'medium' | 'high'

export interface ParsedTip {
  /** "Initial Frequency" in "- Initial Frequency: Begin with …". */
  title: string
  instruction: string
  /** Inferred with keyword rules; undefined when nothing (or something contradictory) matches. */
  timing?: TipTiming
  /** Inferred with keyword rules; undefined when nothing matches or the best categories tie. */
  category?: TipCategory
  line: number
}

export interface ParsedBenefit {
  number: number
  /** Heading text without the number and without a leading/trailing emoji. */
  title: string
  /** Emoji that decorated the heading, if any. */
  icon?: string
  /** First sentence of the first body paragraph. */
  summary?: string
  body: string[]
  /** "How It Works: A Clinical Perspective", "The Clinical Perspective", … */
  perspectiveHeading?: string
  perspective: string[]
  /**
   * Paragraphs that describe a chart or image the text file cannot contain ("This bar chart
   * visualizes …"). Kept apart so they are not published without their chart.
   */
  chartNotes: string[]
  /** "Actionable Tips for Your Treatment", "Practical Tips", "Tips for …" */
  tipsHeading?: string
  /** The sentence introducing the tips ("… consider these practical steps:"). */
  tipsLeadIn?: string
  tips: ParsedTip[]
  closing: string[]
  /** Line of the numbered heading. */
  line: number
}

export interface ComparisonCell {
  /** Cell text without the rating word ("multiple sessions needed"). */
  text: string
  /** The cell as written ("Medium – multiple sessions needed"). */
  raw: string
  rating?: ComparisonRating
  /** The rating word as written ("Moderate"). */
  ratingLabel?: string
  line: number
}

export interface ComparisonRow {
  /** "Implementation Complexity" (emoji removed). */
  aspect: string
  /** "🔄" */
  icon?: string
  /** One cell per column, in column order. */
  cells: ComparisonCell[]
  line: number
}

export interface ParsedComparison {
  heading?: string
  /** Text of the header's first cell ("Aspect"). */
  aspectLabel: string
  /** Header cells after the first, as written (they name benefit sections). */
  columns: string[]
  /** `columnBenefits[i]` is the number of the benefit section that `columns[i]` names. */
  columnBenefits: number[]
  rows: ComparisonRow[]
  /** Line of the header row. */
  line: number
}

export interface ParsedQuote {
  text: string
  attribution?: string
  line: number
}

export interface KeyTakeaway {
  title: string
  points: string[]
}

export interface ActionStep {
  title: string
  text: string
}

export interface WhyItMatters {
  heading: string
  leadIn?: string
  points: string[]
}

export interface CallToAction {
  /** The whole call-to-action paragraph. */
  text: string
  /** Button-style label taken from its first imperative sentence ("Schedule your consultation"). */
  label?: string
  /** A heading line directly above the paragraph, if there is one. */
  heading?: string
  line: number
}

/** Something the parser tolerated but the editor should look at. */
export interface ImportWarning {
  line: number
  message: string
}

export interface ParsedArticle {
  title: string
  /** Where the title came from. */
  titleSource: 'title-line' | 'comparison-heading' | 'file-name'
  slug: string
  intro: string[]
  benefits: ParsedBenefit[]
  comparison?: ParsedComparison
  /** Heading after the comparison table ("Your Next Step Towards a Pain-Free Back"). */
  nextStepsHeading?: string
  nextStepsIntro: string[]
  quote?: ParsedQuote
  keyTakeawaysHeading?: string
  keyTakeaways: KeyTakeaway[]
  actionStepsHeading?: string
  actionSteps: ActionStep[]
  whyItMatters?: WhyItMatters
  /** "Conclusion", "Final Thoughts", … when the closing part has its own heading. */
  conclusionHeading?: string
  conclusion: string[]
  callToAction?: CallToAction
  warnings: ImportWarning[]
}

export interface ParseOptions {
  /** Name of the uploaded file; the title falls back to it ("back-pain.txt" → "Back Pain"). */
  fileName?: string
}

/** A problem that stops the import. The message always starts with "line N: ". */
export class ImportError extends Error {
  /** 1-based line number in the uploaded file. */
  readonly line: number
  /** The message without the "line N: " prefix. */
  readonly reason: string

  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`)
    this.name = 'ImportError'
    this.line = line
    this.reason = reason
  }
}

// ---------------------------------------------------------------------------------------------
// Lines and line shapes

interface Line {
  /** 1-based line number. */
  no: number
  /** Cleaned text: trimmed, single-spaced, without markdown `#`/`**` decoration. */
  text: string
  /** Leading whitespace width (tabs count 2), for nested bullets. */
  indent: number
  /** The line started with a markdown `#`. */
  hashHeading: boolean
}

const EMOJI = '(?![\\u00A9\\u00AE\\u2122])(?:\\p{Extended_Pictographic}|\\p{Regional_Indicator})(?:\\uFE0F|\\u20E3|\\p{Emoji_Modifier}|\\u200D(?:\\p{Extended_Pictographic}|\\p{Regional_Indicator}))*'
const LEADING_ICON_RE = new RegExp(`^((?:${EMOJI}\\s*)+)`, 'u')
const TRAILING_ICON_RE = new RegExp(`((?:\\s*${EMOJI})+)$`, 'u')

const BULLET_RE = /^(?:[-–—•*▪●◦·‣]|\d{1,2}[.)])\s+(\S.*)$/u
const NUMBERED_RE = /^(\d{1,3})[.)]\s+(\S.*)$/
const SEPARATOR_RE = /^(?:[-–—•*▪●◦·‣]|[-*_=]{3,})$/u
const STRAY_MARKER_RE = /\s+[-–—•*]$/u

const ABBREVIATIONS = /(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|vs|etc|approx|No|Fig)|\be\.g|\bi\.e|\bU\.S)\.$/

function cleanLine(raw: string, no: number): Line {
  const expanded = raw.replace(/\t/g, '  ')
  const indent = expanded.length - expanded.trimStart().length
  let text = expanded
    .replace(/[\u200B\u200C\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  let hashHeading = false
  const hash = /^#{1,6}\s+(.*?)(?:\s+#+)?$/.exec(text)
  if (hash) {
    text = hash[1] ?? ''
    hashHeading = true
  }
  text = text.replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '$1').replace(/__(\S(?:.*?\S)?)__/g, '$1')
  return { no, text, indent, hashHeading }
}

/** Splits a leading or trailing emoji off a text. */
function splitIcon(text: string): { text: string; icon?: string } {
  const trailing = TRAILING_ICON_RE.exec(text)
  if (trailing && trailing.index > 0) {
    return { text: text.slice(0, trailing.index).trim(), icon: (trailing[1] ?? '').replace(/\s+/g, '') }
  }
  const leading = LEADING_ICON_RE.exec(text)
  if (leading && leading[0].length < text.length) {
    return { text: text.slice(leading[0].length).trim(), icon: (leading[1] ?? '').replace(/\s+/g, '') }
  }
  return { text }
}

function wordCount(text: string): number {
  return text.split(' ').filter(Boolean).length
}

function isBullet(text: string): boolean {
  return BULLET_RE.test(text)
}

function bulletText(text: string): string {
  return BULLET_RE.exec(text)?.[1]?.trim() ?? text
}

function isSeparator(text: string): boolean {
  return SEPARATOR_RE.test(text)
}

/** A short line without sentence punctuation at the end: a heading, a takeaway title, … */
function isHeadingLike(text: string): boolean {
  if (!text || text.length > 110 || text.includes('|')) return false
  if (isBullet(text) || isSeparator(text)) return false
  if (/^[“"'‘(«>]/u.test(text)) return false
  const plain = splitIcon(text).text
  const words = wordCount(plain)
  if (words === 0 || words > 15) return false
  if (/[.:;,!…]$/u.test(plain)) return false
  if (plain.endsWith('?') && words > 10) return false
  return /^[\p{Lu}\p{N}]/u.test(plain)
}

/** "1. Natural Pain Reduction Without Medications" → number and title. */
function numberedHeading(text: string): { number: number; title: string; icon?: string } | undefined {
  const m = NUMBERED_RE.exec(text)
  if (!m) return undefined
  const rest = m[2] ?? ''
  const plain = splitIcon(rest)
  const words = wordCount(plain.text)
  if (rest.length > 110 || words > 15 || words === 0) return undefined
  if (/[.:;,!…]$/u.test(plain.text) || rest.includes('|')) return undefined
  if (!/^[\p{Lu}\p{N}]/u.test(plain.text)) return undefined
  return { number: Number(m[1]), title: plain.text, ...(plain.icon ? { icon: plain.icon } : {}) }
}

/** Text of a possible heading with emoji and a trailing colon removed, for keyword matching. */
function headingKey(text: string): string {
  return splitIcon(text).text.replace(/\s*:$/, '').trim()
}

const PERSPECTIVE_RE =
  /^(?:how (?:it|this|they|[\w-]+) works?\b.*|(?:a |the )?clinical (?:perspective|view|evidence|insights?|picture)\b.*|.*\bclinical perspective\b.*|what (?:the )?(?:research|science|evidence|studies|experts) (?:says?|shows?)\b.*|the (?:science|evidence|research)(?: behind (?:it|this))?|(?:the )?science behind\b.*|in (?:the )?clinic|from the (?:clinic|treatment room))$/i
const TIPS_RE =
  /^(?:(?:[\w'’-]+\s+){0,3}(?:tips|pointers|recommendations|guidelines|dos and don'?ts|do's and don'?ts)(?:\s+(?:for|to|on|from|at)\b.*)?|(?:how to (?:get|make) the most|making the most|getting the most)\b.*|(?:aftercare|self-care|at-home care)(?:\s+.*)?|putting (?:it|this) into practice|(?:simple |practical |easy )?steps (?:to|for)\b.*)$/i

function isSubHeading(text: string, re: RegExp): boolean {
  const key = headingKey(text)
  if (!re.test(key)) return false
  if (isHeadingLike(text)) return true
  // "Clinical Perspective:" — a trailing colon is tolerated on short lines.
  return text.endsWith(':') && wordCount(key) <= 6 && isHeadingLike(key)
}

const TAKEAWAYS_RE = /^(?:(?:the|your)\s+)?(?:(?:key|main|quick|top|important)\s+)?(?:takeaways?|points to remember|lessons)$|^(?:key|main) points$/i
const ACTIONS_RE =
  /^(?:(?:actionable|practical|recommended|simple|your|immediate|concrete)\s+)*(?:next\s+steps|action\s+steps|action\s+plan|steps to take)$/i
const WHY_RE = /^why (?:it|this|that|these [\w-]+|they|acupuncture|[\w-]+) matters?(?: (?:for|to) you)?$/i
const CONCLUSION_RE = /^(?:(?:in\s+)?conclusion|final thoughts|(?:the\s+)?bottom line|wrapping up|summary|in summary)$/i

type PostHeadingKind = 'takeaways' | 'actions' | 'why' | 'conclusion'

function postHeadingKind(text: string): PostHeadingKind | undefined {
  if (!text || isBullet(text) || text.length > 80) return undefined
  const key = headingKey(text)
  if (!isHeadingLike(key)) return undefined
  if (TAKEAWAYS_RE.test(key)) return 'takeaways'
  if (ACTIONS_RE.test(key)) return 'actions'
  if (WHY_RE.test(key)) return 'why'
  if (CONCLUSION_RE.test(key)) return 'conclusion'
  return undefined
}

function splitRow(text: string): string[] {
  let s = text.trim()
  if (s.startsWith('|')) s = s.slice(1)
  if (s.endsWith('|')) s = s.slice(0, -1)
  return s.split('|').map((c) => c.trim())
}

function isPipeRow(text: string): boolean {
  return text.includes('|') && splitRow(text).length >= 2
}

function isTableSeparatorRow(text: string): boolean {
  return isPipeRow(text) && splitRow(text).every((c) => /^:?-{2,}:?$/.test(c))
}

const CHART_NOTE_RE =
  /^(?:(?:this|the|our|that|a|an|below|above)\s+)?(?:[\w-]+\s+){0,2}(?:chart|graph|infographic|diagram|visuali[sz]ation|figure|illustration)\b.*\b(?:visuali[sz]es|illustrates|shows|compares|depicts|displays|highlights|summari[sz]es|below|above)\b/i

function isChartNote(text: string): boolean {
  return CHART_NOTE_RE.test(text)
}

/** Splits prose into sentences, without breaking after "Dr." or "e.g.". */
function sentences(text: string): string[] {
  const parts = text.split(/(?<=[.!?…][”"’')]?)\s+(?=[\p{Lu}\p{N}“"‘'(])/u)
  const out: string[] = []
  for (const part of parts) {
    const prev = out[out.length - 1]
    if (prev !== undefined && ABBREVIATIONS.test(prev)) out[out.length - 1] = `${prev} ${part}`
    else out.push(part)
  }
  return out.map((s) => s.trim()).filter(Boolean)
}

/** "Title: instruction" or "Title – instruction" with a short title. */
function splitTitled(text: string): { title: string; rest: string } | undefined {
  for (const re of [/^(.+?)\s*:\s+(\S.*)$/u, /^(.+?)\s+[–—]\s+(\S.*)$/u]) {
    const m = re.exec(text)
    if (!m) continue
    const title = (m[1] ?? '').trim()
    const rest = (m[2] ?? '').trim()
    if (title.length > 80 || wordCount(title) > 10 || /[.!?]\s/.test(title) || /[.!?]$/.test(title)) continue
    if (!/^[\p{Lu}\p{N}]/u.test(splitIcon(title).text)) continue
    return { title, rest }
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Tip timing and category

const SESSION = '(?:sessions?|treatments?|appointments?|visits?|massages?|cupping|acupuncture)'
const SESSION_DET = '(?:your|each|the|a|every|any)'

const TIMING_RULES: Record<Exclude<TipTiming, 'ongoing'>, RegExp[]> = {
  before: [
    new RegExp(`\\bbefore (?:and after )?(?:${SESSION_DET}\\s+)?(?:next |first |\\w+ )?${SESSION}\\b`, 'i'),
    new RegExp(`\\b(?:prior to|ahead of|in preparation for) (?:${SESSION_DET}\\s+)?(?:next |first )?${SESSION}\\b`, 'i'),
    /\bbeforehand\b/i,
    /\bpre-(?:treatment|session|appointment)\b/i,
    /\b(?:arrive|show up)(?: a few| \w+)?(?: minutes)? early\b/i,
  ],
  during: [
    new RegExp(
      `(?<!(?:initiated|started|begun|gained|achieved|released|triggered|created|made|felt) )\\bduring (?:and after )?(?:${SESSION_DET}\\s+)?(?:${SESSION}|needle insertion|needling)\\b(?!\\s+(?:period|course|plan|program|programme|series|schedule))`,
      'i',
    ),
    /\bwhile (?:the )?(?:needles|cups) are (?:in|on)\b/i,
    /\b(?:on|lying on) the (?:treatment |massage )?table\b/i,
    /\bmid-(?:session|treatment)\b/i,
  ],
  'right-after': [
    /\b(?:immediately|right|directly|straight|just) after\b/i,
    new RegExp(`\\bafter ${SESSION_DET}\\s+(?:[\\w-]+\\s+)?${SESSION}\\b`, 'i'),
    /\bafterwards?\b/i,
    /\bpost-(?:treatment|session)\b/i,
    /\bonce you (?:get|are) home\b/i,
  ],
  'within-24h': [
    /\b(?:24|twenty-four)[- ]?(?:hours?|hrs?)\b/i,
    /\b(?:later|rest of|remainder of) (?:that|the) (?:day|evening)\b/i,
    /\blater (?:that|in the) (?:day|evening)\b/i,
    /\b(?:that|the same) (?:evening|night)\b/i,
    /\b(?:a few|several|an?|one|two|three|four|five|six|\d+(?:\s*(?:-|–|to)\s*\d+)?|(?:one|two|three|four) to (?:two|three|four|five|six|eight)) hours? after\b/i,
    /\b(?:the )?next (?:morning|day)\b/i,
    new RegExp(`\\b(?:evening|night|day) after ${SESSION_DET}\\s+${SESSION}\\b`, 'i'),
  ],
}

const ONGOING_RULES: RegExp[] = [
  /\b(?:per|a|each|every) (?:day|week|month)\b/i,
  /\b(?:daily|nightly|weekly|monthly|every (?:morning|evening|night))\b/i,
  /\bthroughout\b/i,
  /\b(?:treatment|recovery|healing) (?:period|course)\b/i,
  /\bfor (?:at least )?(?:\w+(?: to \w+)?|\d+(?:\s*[-–]\s*\d+)?) (?:weeks|months)\b/i,
  /\bbetween (?:your |each |the )?(?:sessions|treatments|appointments|visits)\b/i,
  /\bmaintenance\b/i,
  /\b(?:consistent|consistently|consistency|regular|regularly|routine|habits?|long-term|ongoing)\b/i,
  /\b(?:times|days) (?:a|per) week\b/i,
]

/**
 * Infers when a tip applies. A specific moment wins over "ongoing"; "24 hours after" wins over
 * "after your session"; contradicting moments ("before and after") give undefined.
 */
export function inferTipTiming(text: string): TipTiming | undefined {
  const specific = new Set<TipTiming>()
  for (const [timing, rules] of Object.entries(TIMING_RULES) as [TipTiming, RegExp[]][]) {
    if (rules.some((re) => re.test(text))) specific.add(timing)
  }
  if (specific.has('within-24h')) specific.delete('right-after')
  if (specific.size === 1) return [...specific][0]
  if (specific.size > 1) return undefined
  return ONGOING_RULES.some((re) => re.test(text)) ? 'ongoing' : undefined
}

const CATEGORY_RULES: Record<TipCategory, RegExp[]> = {
  hydration: [
    /\bhydrat\w*/i,
    /\bwater\b/i,
    /\bfluids?\b/i,
    /\bdrink(?:s|ing)? (?:plenty|more|a glass|water|fluids|herbal)/i,
    /\bherbal teas?\b/i,
    /\belectrolytes?\b/i,
  ],
  heat: [
    /\bheat(?:ing)?\b/i,
    /\bwarm(?:th)?\b(?!-?up)/i,
    /\bcompress(?:es)?\b/i,
    /\bhot (?:bath|shower|pack|towel|water bottle)s?\b/i,
    /\b(?:ice|ice packs?|cold (?:packs?|compress(?:es)?|applications?|therapy))\b/i,
    /\bsauna\b/i,
    /\bepsom\b/i,
  ],
  movement: [
    /\bwalk(?:s|ing)?\b/i,
    /\bstretch(?:es|ing)?\b/i,
    /\bexercis\w*/i,
    /\bmovement\b/i,
    /\bmov(?:e|ing)\b/i,
    /\bmobility\b/i,
    /\byoga\b/i,
    /\btai chi\b/i,
    /\brange of motion\b/i,
    /\b(?:neck|shoulder) rolls?\b/i,
    /\brotat(?:e|es|ing|ion|ions)\b/i,
    /\bchin tucks?\b/i,
    /\bphysical activit/i,
  ],
  rest: [
    /\brest(?:ing)?\b(?! of)/i,
    /\b(?:avoid|refrain from|skip|no|free of) (?:any )?(?:strenuous|heavy|intense|vigorous)\b/i,
    /\bquiet (?:evening|day|time|night|afternoon)\b/i,
    /\bheavy lifting\b/i,
    /\btake it easy\b/i,
    /\bdowntime\b/i,
    /\bgive your (?:body|muscles|neck|back) time\b/i,
  ],
  diet: [
    /\bdiet\w*/i,
    /\bfoods?\b/i,
    /\bmeals?\b/i,
    /\beat(?:s|ing)?\b/i,
    /\bnutri\w*/i,
    /\bcaffeine\b/i,
    /\balcohol\b/i,
    /\bsugars?\b/i,
    /\bomega-?3s?\b/i,
    /\bsupplement\w*/i,
    /\bvitamin\w*/i,
    /\bmagnesium\b/i,
    /\bprotein\b/i,
    /\bturmeric\b/i,
  ],
  sleep: [
    /\bsleep\w*/i,
    /\bbedtime\b/i,
    /\bbed\b/i,
    /\bnap(?:s|ping)?\b/i,
    /\binsomnia\b/i,
    /\bpillows?\b/i,
    /\bmattress\b/i,
    /\bdim(?:ming)? the lights\b/i,
    /\bnighttime\b/i,
    /\bwind[- ]down\b/i,
  ],
  mindfulness: [
    /\bmindful\w*/i,
    /\bmeditat\w*/i,
    /\bbreath(?:e|es|ing|s|work)?\b/i,
    /\brelaxation\b/i,
    /\bcalm\w*/i,
    /\bvisuali[sz]\w*/i,
    /\bjournal\w*/i,
    /\bstress (?:management|relief|reduction)\b/i,
  ],
  ergonomics: [
    /\bergonomic\w*/i,
    /\bposture\b/i,
    /\bdesk\b/i,
    /\bworkstation\b/i,
    /\bchair\b/i,
    /\b(?:monitor|screen) (?:height|at eye level)\b/i,
    /\beye level\b/i,
    /\bsitting\b/i,
    /\btext neck\b/i,
    /\bphone (?:use|posture|down)\b/i,
    /\bkeyboard\b/i,
    /\blaptop\b/i,
    /\bcarry(?:ing)? (?:a |your )?(?:bag|backpack|handbag)/i,
  ],
  scheduling: [
    /\b(?<!sleep )schedul\w*/i,
    /\bbook(?:ing)?\b/i,
    /\bappointments?\b/i,
    /\btiming\b/i,
    /\bfrequency\b/i,
    /\bsessions? (?:per|a|each) (?:week|month)\b/i,
    /\b(?:once|twice|\w+ times) (?:a|per) (?:week|month)\b/i,
    /\bonce or twice\b/i,
    /\bcalendar\b/i,
  ],
  safety: [
    /\blicens\w*/i,
    /\bcertifi\w*/i,
    /\bcredentials?\b/i,
    /\bsterile\b/i,
    /\bsingle-use\b/i,
    /\bdisposable\b/i,
    /\binfection\b/i,
    /\bmedications?\b/i,
    /\bhealth history\b/i,
    /\bmedical (?:conditions?|history)\b/i,
    /\bblood thinners?\b/i,
    /\bpregnan\w*/i,
    /\bunusual\b/i,
    /\bdizz\w*/i,
    /\bbroken skin\b/i,
    /\bsafe(?:ty|ly)?\b/i,
  ],
}

/**
 * Infers what a tip is about: each keyword rule scores 2 when it matches the title and 1 when it
 * matches the instruction; the best category wins, a tie (or no match) gives undefined.
 */
export function inferTipCategory(title: string, instruction: string): TipCategory | undefined {
  let best: TipCategory | undefined
  let bestScore = 0
  let tie = false
  for (const [category, rules] of Object.entries(CATEGORY_RULES) as [TipCategory, RegExp[]][]) {
    let score = 0
    for (const re of rules) {
      if (re.test(title)) score += 2
      if (re.test(instruction)) score += 1
    }
    if (score > bestScore) {
      best = category
      bestScore = score
      tie = false
    } else if (score === bestScore && score > 0) {
      tie = true
    }
  }
  return tie ? undefined : best
}

// ---------------------------------------------------------------------------------------------
// Titles and slugs

/** Lowercase ASCII, hyphen-separated slug ("Benefits of Acupuncture" → "benefits-of-acupuncture"). */
export function slugify(text: string): string {
  const ascii = text
    .replace(/ß/g, 'ss')
    .replace(/[Ææ]/g, 'ae')
    .replace(/[Œœ]/g, 'oe')
    .replace(/[Øø]/g, 'o')
    .replace(/[Łł]/g, 'l')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ')
    .replace(/%/g, ' percent ')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (ascii.length <= 80) return ascii
  const cut = ascii.slice(0, 81)
  const lastHyphen = cut.lastIndexOf('-')
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : ascii.slice(0, 80)).replace(/-+$/, '')
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with'])

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "acupuncture-back-pain.txt" → "Acupuncture Back Pain". */
function titleFromFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const stem = base.replace(/(?:\.[a-z0-9]{1,5})+$/i, '')
  const words = stem.split(/[-_.\s]+/).filter(Boolean)
  if (words.length === 0) return undefined
  return words
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : capitalizeFirst(w)))
    .join(' ')
}

const COMPARE_WORD_RE = /\bcompar(?:ison|ing|ed)\b|\bat a glance\b|\bside[- ]by[- ]side\b/i

/** "Benefits Comparison of Acupuncture for Back Pain" → "Benefits of Acupuncture for Back Pain". */
function titleFromComparisonHeading(heading: string): string | undefined {
  if (!COMPARE_WORD_RE.test(heading)) return undefined
  const title = heading
    .replace(/^(.+?)\s+comparison\s+(of|for)\s+/i, '$1 $2 ')
    .replace(/^(?:an?\s+|the\s+)?comparison\s+of\s+/i, '')
    .replace(/^comparing\s+/i, '')
    .replace(/\s*[:–—-]\s*(?:an?\s+)?(?:side[- ]by[- ]side\s+|quick\s+)?comparison$/i, '')
    .replace(/\s*(?:compared|at a glance|side[- ]by[- ]side)$/i, '')
    .replace(/\bcomparison\b/i, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*[:–—-]\s*$/, '')
    .trim()
  return title ? capitalizeFirst(title) : undefined
}

// ---------------------------------------------------------------------------------------------
// Input checks

function normalizeInput(text: string): string {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (s.replace(/[\s\u200B\uFEFF]/g, '') === '') throw new ImportError(1, 'the file is empty')
  if (s.includes('\u0000')) throw new ImportError(1, 'this looks like a binary file, not an article')
  let bad = 0
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k)
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c <= 0x9f)) bad++
  }
  if (bad > 0 && bad / s.length > 0.02) {
    throw new ImportError(1, 'this looks like a binary file, not an article')
  }
  const lines = s.replace(/\r\n?/g, '\n').split('\n')
  const broken = lines.findIndex((l) => l.includes('\uFFFD'))
  if (broken >= 0) {
    throw new ImportError(
      broken + 1,
      'this line contains characters that could not be read (shown as �); save the file as UTF-8 text and upload it again',
    )
  }
  // A stray control character (a DOS end-of-file marker, a form feed) is dropped.
  return lines.join('\n').replace(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '').replace(/[\u2028\u2029]/g, ' ')
}

// ---------------------------------------------------------------------------------------------
// The parser

interface SectionState {
  benefit: ParsedBenefit
  state: 'body' | 'perspective' | 'tips' | 'closing'
  /** Tips written without bullet markers ("Title: instruction" lines). */
  plainTips: boolean
}

class Parser {
  readonly lines: Line[]
  readonly warnings: ImportWarning[] = []
  /** Where each paragraph went, so the final call to action can be taken out again. */
  private readonly placed = new Map<number, { list: string[]; value: string }>()
  private readonly lastIndex: number

  constructor(text: string) {
    this.lines = text.split('\n').map((raw, k) => cleanLine(raw, k + 1))
    let last = this.lines.length - 1
    while (last >= 0 && !this.text(last)) last--
    this.lastIndex = last
  }

  text(i: number): string {
    return this.lines[i]?.text ?? ''
  }

  lineNo(i: number): number {
    return this.lines[i]?.no ?? i + 1
  }

  warn(line: number, message: string): void {
    this.warnings.push({ line, message })
  }

  nextNonBlank(i: number, end = this.lines.length): number {
    let k = i
    while (k < end && !this.text(k)) k++
    return k < end ? k : -1
  }

  place(list: string[], value: string, line: number): void {
    list.push(value)
    this.placed.set(line, { list, value })
  }

  /** A pipe table (or a heading directly above one) starts at line i. */
  tableStartsAt(i: number): boolean {
    const t = this.text(i)
    if (isPipeRow(t) && !isTableSeparatorRow(t)) {
      const k = this.nextNonBlank(i + 1)
      return k >= 0 && isPipeRow(this.text(k))
    }
    if (isHeadingLike(t)) {
      const k = this.nextNonBlank(i + 1)
      return k >= 0 && isPipeRow(this.text(k)) && !isTableSeparatorRow(this.text(k)) && this.tableStartsAt(k)
    }
    return false
  }

  isQuote(i: number): boolean {
    return parseQuoteText(this.text(i)) !== undefined
  }

  /** A line that ends a block in the closing part (takeaways, steps, why-it-matters). */
  endsBlock(i: number): boolean {
    return this.tableStartsAt(i) || postHeadingKind(this.text(i)) !== undefined || this.isQuote(i)
  }

  parse(options: ParseOptions): ParsedArticle {
    const article: ParsedArticle = {
      title: '',
      titleSource: 'title-line',
      slug: '',
      intro: [],
      benefits: [],
      nextStepsIntro: [],
      keyTakeaways: [],
      actionSteps: [],
      conclusion: [],
      warnings: this.warnings,
    }

    // Title line
    let i = this.nextNonBlank(0)
    let titleLine: { title: string; line: number } | undefined
    const first = this.lines[i]
    if (first) {
      const m = /^title\s*[:：]\s*(.*)$/i.exec(first.text)
      if (m) {
        const t = (m[1] ?? '').trim()
        if (!t) throw new ImportError(first.no, "the 'Title:' line is empty; write the article title after 'Title:'")
        titleLine = { title: t, line: first.no }
        i++
      } else if (first.hashHeading && !NUMBERED_RE.test(first.text) && isHeadingLike(first.text)) {
        titleLine = { title: first.text, line: first.no }
        i++
      }
    }

    // Intro
    let firstNumbered = -1
    for (let k = i; k < this.lines.length; k++) {
      if (numberedHeading(this.text(k))) {
        firstNumbered = k
        break
      }
    }
    if (firstNumbered < 0) {
      throw new ImportError(1, "no numbered benefit sections found (expected lines like '1. Natural Pain Reduction')")
    }
    for (let k = i; k < firstNumbered; k++) {
      const t = this.text(k)
      if (!t) continue
      if (!titleLine && article.intro.length === 0 && isHeadingLike(t) && !isBullet(t)) {
        this.warn(this.lineNo(k), `"${t}" looks like a title; start the line with 'Title: ' to use it as the article title`)
      }
      article.intro.push(t)
    }

    // Benefit sections
    const postStart = this.parseBenefits(firstNumbered, article)

    // Closing part
    const cta = this.parsePost(postStart, article)

    // Call to action: the last paragraph of the file, when it asks the reader to act.
    const last = this.lines[this.lastIndex]
    if (last && isCallToAction(last.text)) {
      const placed = this.placed.get(last.no)
      if (placed && placed.list[placed.list.length - 1] === placed.value) {
        placed.list.pop()
        const label = ctaLabel(last.text)
        article.callToAction = {
          text: last.text,
          ...(label ? { label } : {}),
          ...(cta.heading ? { heading: cta.heading } : {}),
          line: last.no,
        }
      }
    }

    // Comparison columns ↔ benefit sections
    if (article.comparison) {
      article.comparison.columnBenefits = this.matchColumns(article.comparison, article.benefits)
    }

    for (const b of article.benefits) {
      const firstBody = b.body[0]
      const summary = firstBody !== undefined ? sentences(firstBody)[0] : undefined
      if (summary) b.summary = summary
    }

    // Title and slug
    if (titleLine) {
      article.title = titleLine.title
      article.titleSource = 'title-line'
    } else {
      const heading = article.comparison?.heading
      const fromHeading = heading !== undefined ? titleFromComparisonHeading(heading) : undefined
      const fromFile = options.fileName !== undefined ? titleFromFileName(options.fileName) : undefined
      if (fromHeading) {
        article.title = fromHeading
        article.titleSource = 'comparison-heading'
      } else if (fromFile) {
        article.title = fromFile
        article.titleSource = 'file-name'
        this.warn(1, `the article has no 'Title:' line; the title "${fromFile}" was made from the file name`)
      } else if (heading) {
        article.title = heading
        article.titleSource = 'comparison-heading'
        this.warn(article.comparison?.line ?? 1, `the article has no 'Title:' line; the comparison heading "${heading}" was used as the title`)
      } else {
        throw new ImportError(1, "the article has no title; add a first line like 'Title: Benefits of Acupuncture for Back Pain'")
      }
    }
    article.slug = slugify(article.title)
    if (!article.slug) {
      throw new ImportError(titleLine?.line ?? 1, `no web address (slug) can be made from the title "${article.title}"; use letters or numbers in the title`)
    }
    return article
  }

  // -------------------------------------------------------------------------------------------
  // Benefit sections

  /** Parses the numbered sections from `start`; returns the index where the closing part starts. */
  private parseBenefits(start: number, article: ParsedArticle): number {
    // The closing part starts at the first table or known closing heading ("Key Takeaways", …)
    // after which the numbered sections do not continue.
    let hardEnd = this.lines.length
    let highest = 0
    for (let k = start; k < this.lines.length; k++) {
      const h = numberedHeading(this.text(k))
      if (h) {
        highest = Math.max(highest, h.number)
        continue
      }
      if (k > start && (this.tableStartsAt(k) || postHeadingKind(this.text(k)) !== undefined)) {
        let continues = false
        for (let m = k + 1; m < this.lines.length; m++) {
          const next = numberedHeading(this.text(m))
          if (next) {
            continues = next.number === highest + 1
            break
          }
        }
        if (!continues) {
          hardEnd = k
          break
        }
      }
    }

    const seen = new Map<number, number>()
    let prev = 0
    let cur: SectionState | undefined

    const nextNumberedFrom = (k: number): { number: number; line: number } | undefined => {
      for (let m = k; m < hardEnd; m++) {
        const h = numberedHeading(this.text(m))
        if (h) return { number: h.number, line: this.lineNo(m) }
      }
      return undefined
    }

    for (let k = start; k < hardEnd; k++) {
      const ln = this.lines[k]
      if (!ln || !ln.text) continue
      const heading = numberedHeading(ln.text)
      const numberedTip =
        heading !== undefined &&
        cur !== undefined &&
        cur.state === 'tips' &&
        heading.number === cur.benefit.tips.length + 1 &&
        heading.number !== prev + 1 &&
        splitTitled(bulletText(ln.text)) !== undefined
      if (heading && !numberedTip) {
        // Validate numbering: 1, 2, 3, … without duplicates or gaps.
        const dup = seen.get(heading.number)
        if (dup !== undefined) {
          throw new ImportError(ln.no, `section number ${heading.number} is used twice (also on line ${dup})`)
        }
        const expected = prev + 1
        if (heading.number !== expected) {
          let later: number | undefined
          for (let m = k + 1; m < hardEnd; m++) {
            if (numberedHeading(this.text(m))?.number === expected) {
              later = this.lineNo(m)
              break
            }
          }
          if (later !== undefined) {
            throw new ImportError(
              ln.no,
              `section ${heading.number} comes before section ${expected} (line ${later}); put the numbered sections in order`,
            )
          }
          if (prev === 0) {
            throw new ImportError(ln.no, `the first numbered section is ${heading.number}; numbering must start at 1`)
          }
          throw new ImportError(ln.no, `section ${heading.number} follows section ${prev}; section ${expected} is missing`)
        }
        seen.set(heading.number, ln.no)
        prev = heading.number
        const benefit: ParsedBenefit = {
          number: heading.number,
          title: heading.title,
          ...(heading.icon ? { icon: heading.icon } : {}),
          body: [],
          perspective: [],
          chartNotes: [],
          tips: [],
          closing: [],
          line: ln.no,
        }
        article.benefits.push(benefit)
        cur = { benefit, state: 'body', plainTips: false }
        continue
      }
      if (!cur) continue

      // An unrecognised heading after the tips of the last section starts the closing part.
      const t = ln.text
      if (
        isHeadingLike(t) &&
        !isSubHeading(t, PERSPECTIVE_RE) &&
        !isSubHeading(t, TIPS_RE) &&
        (cur.state === 'closing' || (cur.state === 'tips' && cur.benefit.tips.length > 0))
      ) {
        const next = nextNumberedFrom(k + 1)
        if (!next || next.number <= prev) return k
      }
      this.sectionLine(cur, ln)
    }
    return hardEnd
  }

  private sectionLine(sec: SectionState, ln: Line): void {
    const b = sec.benefit
    const t = ln.text

    if (isSubHeading(t, PERSPECTIVE_RE) && b.perspectiveHeading === undefined && sec.state === 'body') {
      b.perspectiveHeading = headingKey(t)
      sec.state = 'perspective'
      return
    }
    if (isSubHeading(t, TIPS_RE) && b.tipsHeading === undefined && (sec.state === 'body' || sec.state === 'perspective')) {
      b.tipsHeading = headingKey(t)
      sec.state = 'tips'
      return
    }
    if (isSeparator(t)) return

    if (isBullet(t)) {
      const content = bulletText(t)
      if (sec.state === 'tips' && !sec.plainTips) {
        this.addTip(b, content, ln.no)
        return
      }
      if ((sec.state === 'body' || sec.state === 'perspective') && b.tips.length === 0 && splitTitled(content)) {
        // A tips list without a tips heading; the paragraph before it is its lead-in.
        const list = sec.state === 'body' ? b.body : b.perspective
        const before = list[list.length - 1]
        if (before !== undefined && before.endsWith(':')) {
          list.pop()
          b.tipsLeadIn = before
        }
        sec.state = 'tips'
        this.addTip(b, content, ln.no)
        return
      }
      this.warn(ln.no, `a bullet point in section ${b.number} outside its tips list was kept as a paragraph`)
      this.paragraph(sec, content, ln.no)
      return
    }

    if (sec.state === 'tips') {
      const titled = t.endsWith(':') ? undefined : splitTitled(t)
      if (b.tips.length === 0) {
        if (titled && isHeadingLike(titled.title)) {
          sec.plainTips = true
          this.addTip(b, t, ln.no)
          return
        }
        if (b.tipsLeadIn === undefined) {
          b.tipsLeadIn = t
          return
        }
        this.warn(ln.no, `section ${b.number} has a tips heading but no "- Title: instruction" tip lines`)
      } else if (sec.plainTips && titled && isHeadingLike(titled.title)) {
        this.addTip(b, t, ln.no)
        return
      }
      sec.state = 'closing'
    }

    if (isPipeRow(t)) {
      this.warn(ln.no, `tables inside a numbered section are not supported; this row was kept as a paragraph of section ${b.number}`)
    } else if (isHeadingLike(t) && !isSubHeading(t, PERSPECTIVE_RE) && !isSubHeading(t, TIPS_RE)) {
      this.warn(ln.no, `"${t}" looks like a heading but is not one the importer knows; it was kept as a paragraph of section ${b.number}`)
    } else if (isSubHeading(t, PERSPECTIVE_RE) || isSubHeading(t, TIPS_RE)) {
      this.warn(ln.no, `section ${b.number} repeats the heading "${t}"; it was kept as a paragraph`)
    }
    this.paragraph(sec, t, ln.no)
  }

  private paragraph(sec: SectionState, text: string, line: number): void {
    const b = sec.benefit
    if ((sec.state === 'body' || sec.state === 'perspective') && isChartNote(text)) {
      b.chartNotes.push(text)
      this.warn(line, `this paragraph describes a chart that a text file cannot contain; it was kept as a chart note of section ${b.number}`)
      return
    }
    if (sec.state === 'body') b.body.push(text)
    else if (sec.state === 'perspective') b.perspective.push(text)
    else this.place(b.closing, text, line)
  }

  private addTip(b: ParsedBenefit, content: string, line: number): void {
    const titled = splitTitled(content)
    let title: string
    let instruction: string
    if (titled) {
      title = titled.title
      instruction = titled.rest
    } else {
      instruction = content
      const words = content.replace(/[.!?]+$/, '').split(' ')
      title = words.length <= 6 ? words.join(' ') : `${words.slice(0, 6).join(' ')}…`
      this.warn(line, `this tip has no "Title: instruction" form; its title was taken from its first words`)
    }
    const timing = inferTipTiming(`${title}. ${instruction}`)
    const category = inferTipCategory(title, instruction)
    b.tips.push({
      title,
      instruction,
      ...(timing ? { timing } : {}),
      ...(category ? { category } : {}),
      line,
    })
  }

  // -------------------------------------------------------------------------------------------
  // Closing part

  private parsePost(start: number, article: ParsedArticle): { heading?: string } {
    const cta: { heading?: string } = {}
    let mode: 'none' | 'nextSteps' | 'after' = 'none'
    let j = start
    while (j < this.lines.length) {
      const ln = this.lines[j]
      if (!ln || !ln.text) {
        j++
        continue
      }
      const t = ln.text

      if (this.tableStartsAt(j)) {
        const { comparison, next } = this.parseComparison(j)
        if (article.comparison) {
          this.warn(comparison.line, 'the article has a second table; only the first one is imported')
        } else {
          article.comparison = comparison
        }
        j = next
        continue
      }

      const kind = postHeadingKind(t)
      if (kind === 'takeaways') {
        const r = this.parseTakeaways(j + 1)
        if (r.items.length > 0) {
          if (article.keyTakeaways.length > 0) this.warn(ln.no, 'a second "Key Takeaways" list was added to the first')
          article.keyTakeawaysHeading ??= headingKey(t)
          article.keyTakeaways.push(...r.items)
          mode = 'after'
          j = r.next
          continue
        }
      } else if (kind === 'actions') {
        const r = this.parseActions(j + 1)
        if (r.items.length > 0) {
          if (article.actionSteps.length > 0) this.warn(ln.no, 'a second "Next Steps" list was added to the first')
          article.actionStepsHeading ??= headingKey(t)
          article.actionSteps.push(...r.items)
          mode = 'after'
          j = r.next
          continue
        }
      } else if (kind === 'why') {
        const r = this.parseWhy(j + 1)
        if ((r.points.length > 0 || r.leadIn !== undefined) && !article.whyItMatters) {
          article.whyItMatters = { heading: headingKey(t), ...(r.leadIn !== undefined ? { leadIn: r.leadIn } : {}), points: r.points }
          mode = 'after'
          j = r.next
          continue
        }
      } else if (kind === 'conclusion' && article.conclusionHeading === undefined) {
        article.conclusionHeading = headingKey(t)
        mode = 'after'
        j++
        continue
      }

      const quote = parseQuoteText(t)
      if (quote) {
        let attribution = quote.attribution
        let next = j + 1
        const k = this.nextNonBlank(j + 1)
        const attr = k >= 0 ? /^[—–]\s*(\S.{0,100})$/u.exec(this.text(k)) : null
        if (attribution === undefined && attr) {
          attribution = (attr[1] ?? '').trim()
          next = k + 1
        }
        if (article.quote) {
          this.warn(ln.no, 'the article has a second quote; it was kept as a conclusion paragraph')
          this.place(article.conclusion, t, ln.no)
        } else {
          article.quote = { text: quote.text, ...(attribution ? { attribution } : {}), line: ln.no }
        }
        mode = 'after'
        j = next
        continue
      }

      if (isHeadingLike(t)) {
        const k = this.nextNonBlank(j + 1)
        if (k >= 0 && k === this.lastIndex && isCallToAction(this.text(k))) {
          cta.heading = headingKey(t)
          j++
          continue
        }
        if (article.nextStepsHeading === undefined && mode === 'none') {
          article.nextStepsHeading = headingKey(t)
          mode = 'nextSteps'
          j++
          continue
        }
        if (article.conclusionHeading === undefined) {
          article.conclusionHeading = headingKey(t)
          mode = 'after'
          j++
          continue
        }
        this.warn(ln.no, `"${t}" looks like a heading but the importer does not know where it belongs; it was kept as a paragraph`)
      }

      if (isSeparator(t)) {
        j++
        continue
      }
      let content = t
      if (isBullet(t)) {
        content = bulletText(t)
        this.warn(ln.no, 'a bullet point outside a list the importer knows was kept as a paragraph')
      }
      if (mode === 'nextSteps') {
        this.place(article.nextStepsIntro, content, ln.no)
      } else {
        this.place(article.conclusion, content, ln.no)
        mode = 'after'
      }
      j++
    }
    return cta
  }

  private parseComparison(start: number): { comparison: ParsedComparison; next: number } {
    let j = start
    let heading: string | undefined
    if (!isPipeRow(this.text(j))) {
      heading = headingKey(this.text(j))
      j = this.nextNonBlank(j + 1)
    }
    const headerLine = this.lineNo(j)
    const header = splitRow(this.text(j))
    if (header.slice(1).some((c) => !c)) {
      throw new ImportError(headerLine, 'the comparison table header has an empty column name; every column must name a benefit section')
    }
    let k = this.nextNonBlank(j + 1)
    if (k >= 0 && isTableSeparatorRow(this.text(k))) {
      const width = splitRow(this.text(k)).length
      if (width !== header.length) {
        throw new ImportError(this.lineNo(k), `the table separator row has ${width} columns, header has ${header.length}`)
      }
      k = this.nextNonBlank(k + 1)
    }
    const rows: ComparisonRow[] = []
    while (k >= 0 && isPipeRow(this.text(k)) && !isTableSeparatorRow(this.text(k))) {
      const ln = this.lines[k]
      const no = ln?.no ?? k + 1
      const cells = splitRow(this.text(k))
      if (cells.length !== header.length) {
        throw new ImportError(no, `table row has ${cells.length} cells, header has ${header.length}`)
      }
      const aspect = splitIcon(cells[0] ?? '')
      rows.push({
        aspect: aspect.text,
        ...(aspect.icon ? { icon: aspect.icon } : {}),
        cells: cells.slice(1).map((c) => parseCell(c, no)),
        line: no,
      })
      k = this.nextNonBlank(k + 1)
    }
    if (k >= 0 && isTableSeparatorRow(this.text(k))) {
      throw new ImportError(this.lineNo(k), 'the table has a second separator row (---|---); remove it')
    }
    if (rows.length === 0) this.warn(headerLine, 'the comparison table has a header but no rows')
    return {
      comparison: {
        ...(heading ? { heading } : {}),
        aspectLabel: header[0] ?? '',
        columns: header.slice(1),
        columnBenefits: [],
        rows,
        line: headerLine,
      },
      next: k >= 0 ? k : this.lines.length,
    }
  }

  /**
   * Maps every column to a benefit section. An exact title (ignoring case, punctuation and
   * emoji) matches; otherwise a column may shorten a title ("Sleep Quality") as long as it fits
   * one section only. A column that names no section is an error, see `ImportError` below.
   */
  private matchColumns(comparison: ParsedComparison, benefits: ParsedBenefit[]): number[] {
    const used = new Map<number, string>()
    const out: number[] = []
    const titles = benefits.map((b) => ({ b, key: matchKey(b.title), tokens: tokens(b.title) }))
    for (const column of comparison.columns) {
      const key = matchKey(column)
      let found = titles.find((t) => t.key === key)?.b
      let fuzzy = false
      if (!found) {
        const numbered = /^(?:benefit|section|#)?\s*(\d{1,3})$/i.exec(key)
        if (numbered) found = benefits.find((b) => b.number === Number(numbered[1]))
      }
      if (!found && key) {
        const contained = titles.filter((t) => t.key.includes(key) || key.includes(t.key))
        if (contained.length === 1) found = contained[0]?.b
        else {
          const colTokens = tokens(column)
          const scored = titles
            .map((t) => {
              const shared = t.tokens.filter((w) => colTokens.includes(w)).length
              return { b: t.b, score: (2 * shared) / (t.tokens.length + colTokens.length || 1) }
            })
            .sort((a, c) => c.score - a.score)
          const best = scored[0]
          const second = scored[1]
          if (best && best.score >= 0.6 && (!second || second.score < best.score)) found = best.b
        }
        fuzzy = found !== undefined
      }
      if (!found) {
        const names = benefits.map((b) => `"${b.title}"`).join(', ')
        throw new ImportError(
          comparison.line,
          `the comparison table column "${column}" does not name any numbered section; use one of the section titles: ${names}`,
        )
      }
      const other = used.get(found.number)
      if (other !== undefined) {
        throw new ImportError(
          comparison.line,
          `the comparison table columns "${other}" and "${column}" both name section ${found.number} ("${found.title}")`,
        )
      }
      if (fuzzy) {
        this.warn(comparison.line, `the comparison table column "${column}" was matched to section ${found.number} ("${found.title}")`)
      }
      used.set(found.number, column)
      out.push(found.number)
    }
    const missing = benefits.filter((b) => !used.has(b.number)).map((b) => b.number)
    if (missing.length > 0) {
      this.warn(comparison.line, `the comparison table has no column for section${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)
    }
    return out
  }

  private parseTakeaways(start: number): { items: KeyTakeaway[]; next: number } {
    interface Item extends KeyTakeaway {
      index: number
      fromTitleLine: boolean
      indent: number
    }
    const items: Item[] = []
    let cur: Item | undefined
    let afterSeparator = false
    let j = start
    for (; j < this.lines.length; j++) {
      const ln = this.lines[j]
      if (!ln || !ln.text) continue
      if (this.endsBlock(j)) break
      const t = ln.text
      if (isSeparator(t)) {
        cur = undefined
        afterSeparator = true
        continue
      }
      if (isBullet(t)) {
        const content = bulletText(t)
        if (cur && (cur.fromTitleLine || ln.indent > cur.indent)) {
          cur.points.push(content)
        } else {
          const k = this.nextNonBlank(j + 1)
          const nested = k >= 0 && isBullet(this.text(k)) && (this.lines[k]?.indent ?? 0) > ln.indent
          const titled = nested ? undefined : splitTitled(content)
          const item: Item = titled
            ? { title: titled.title, points: [titled.rest], index: j, fromTitleLine: false, indent: ln.indent }
            : { title: content, points: [], index: j, fromTitleLine: false, indent: ln.indent }
          items.push(item)
          cur = nested ? item : undefined
        }
        afterSeparator = false
        continue
      }
      if (isHeadingLike(t) || afterSeparator) {
        cur = { title: t, points: [], index: j, fromTitleLine: true, indent: ln.indent }
        items.push(cur)
        afterSeparator = false
        continue
      }
      break
    }
    // A title without points after real takeaways is the heading of what follows.
    const last = items[items.length - 1]
    if (last && last.fromTitleLine && last.points.length === 0 && items.some((it) => it.points.length > 0)) {
      items.pop()
      j = last.index
    }
    return { items: items.map(({ title, points }) => ({ title, points })), next: j }
  }

  private parseActions(start: number): { items: ActionStep[]; next: number } {
    interface Item extends ActionStep {
      index: number
    }
    const items: Item[] = []
    let cur: Item | undefined
    let j = start
    for (; j < this.lines.length; j++) {
      const ln = this.lines[j]
      if (!ln || !ln.text) continue
      if (this.endsBlock(j)) break
      if (isSeparator(ln.text)) {
        cur = undefined
        continue
      }
      // "Reach out to discuss your goals. -": the stray marker is the next step's separator.
      const t = ln.text.replace(STRAY_MARKER_RE, '')
      if (isBullet(t)) {
        const content = bulletText(t)
        const titled = splitTitled(content)
        if (titled) {
          items.push({ title: titled.title, text: titled.rest, index: j })
          cur = undefined
        } else if (cur && cur.text === '') {
          cur.text = content
        } else {
          cur = { title: content, text: '', index: j }
          items.push(cur)
        }
        continue
      }
      if (cur && cur.text === '') {
        cur.text = t
        continue
      }
      const titled = splitTitled(t)
      if (titled && isHeadingLike(titled.title)) {
        items.push({ title: titled.title, text: titled.rest, index: j })
        cur = undefined
        continue
      }
      if (isHeadingLike(t)) {
        cur = { title: t, text: '', index: j }
        items.push(cur)
        continue
      }
      break
    }
    const last = items[items.length - 1]
    if (last && last.text === '' && items.some((it) => it.text !== '')) {
      items.pop()
      j = last.index
    }
    return { items: items.map(({ title, text }) => ({ title, text })), next: j }
  }

  private parseWhy(start: number): { leadIn?: string; points: string[]; next: number } {
    let leadIn: string | undefined
    const points: string[] = []
    let j = start
    for (; j < this.lines.length; j++) {
      const ln = this.lines[j]
      if (!ln || !ln.text) continue
      if (this.endsBlock(j)) break
      if (isSeparator(ln.text)) continue
      if (isBullet(ln.text)) {
        points.push(bulletText(ln.text))
        continue
      }
      if (points.length === 0 && leadIn === undefined) {
        leadIn = ln.text
        continue
      }
      break
    }
    return { ...(leadIn !== undefined ? { leadIn } : {}), points, next: j }
  }
}

function parseQuoteText(text: string): { text: string; attribution?: string } | undefined {
  const m = /^[“"„«]\s*(.+?)\s*[”"»]\s*(?:[—–-]+\s*(\S.*))?$/u.exec(text)
  if (m) {
    const inner = (m[1] ?? '').trim()
    if (!inner || /[“”"]/u.test(inner)) return undefined
    const attribution = m[2]?.trim()
    return attribution ? { text: inner, attribution } : { text: inner }
  }
  const block = /^>\s*(\S.*)$/.exec(text)
  if (block) return { text: (block[1] ?? '').trim() }
  return undefined
}

const RATING_RE = /^(very\s+low|low|minimal|medium|moderate|high|very\s+high)(?:\s*[–—:]\s*|\s+-\s+|$)(.*)$/i

function parseCell(raw: string, line: number): ComparisonCell {
  const m = RATING_RE.exec(raw)
  if (!m) return { text: raw, raw, line }
  const label = m[1] ?? ''
  const word = label.toLowerCase().replace(/\s+/g, ' ')
  const rating: ComparisonRating = word === 'medium' || word === 'moderate' ? 'medium' : word.endsWith('high') ? 'high' : 'low'
  return { text: (m[2] ?? '').trim(), raw, rating, ratingLabel: label, line }
}

function matchKey(text: string): string {
  return splitIcon(text)
    .text.toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'of', 'the', 'for', 'to', 'in', 'on', 'with', 'without', 'your', 'vs', 'or'])

function tokens(text: string): string[] {
  return matchKey(text)
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w))
}

const CTA_VERB = /^(?:please\s+)?(?:schedule|book|call|contact|visit|request|reserve|sign up|get in touch|reach out|make an appointment|claim|start|begin)\b/i

function isCallToAction(text: string): boolean {
  if (isBullet(text) || isHeadingLike(text) || parseQuoteText(text)) return false
  if (/^ready (?:to|for)\b/i.test(text)) return sentences(text).some((s) => CTA_VERB.test(s)) || /\b(?:book|schedule|call|contact)\b/i.test(text)
  return CTA_VERB.test(text)
}

function ctaLabel(text: string): string | undefined {
  const sentence = sentences(text).find((s) => CTA_VERB.test(s))
  if (!sentence) return undefined
  const label = sentence
    .replace(/[.!?]+$/, '')
    .split(/\s+(?:today|now|online|with|at|by|to|and|so|via|through|from)\b|[,;:(–—]/i)[0]
    ?.trim()
  if (!label || wordCount(label) > 8) return undefined
  return label
}

/**
 * Parses one article. Throws `ImportError` (message "line N: …") when the file cannot be
 * imported; tolerable oddities end up in `warnings`.
 */
export function parseArticle(text: string, options: ParseOptions = {}): ParsedArticle {
  const normalized = normalizeInput(text)
  return new Parser(normalized).parse(options)
}

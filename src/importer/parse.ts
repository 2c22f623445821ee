/**
 * Pure parser of the clinics' loose plain-text article format (see
 * `tests/fixtures/acupuncture-back-pain.txt`). The only Payload import is its `slugify` (from
 * `payload/shared`, no database or config), so slugs match the Articles slug field; the
 * importer turns a `ParsedArticle` into documents elsewhere.
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
 *
 * This file holds the public types, and `parseArticle`: the plan of an article from top to
 * bottom. The parts live in `./parse/`:
 * - `input.ts` — checks on the whole file (empty, binary, not UTF-8) before any line is read;
 * - `source.ts` — the file as cleaned lines, warnings, and where each paragraph went;
 * - `lines.ts`, `headings.ts` — what one line is (bullet, table row, quote, heading, …);
 * - `benefits.ts` — the numbered sections; `tips.ts` — a tip's timing and category;
 * - `closing.ts` — everything after the sections; `comparison.ts` — the comparison table;
 *   `callToAction.ts` — the closing call to action;
 * - `title.ts` — the title when there is no "Title:" line, and the slug;
 * - `ImportError.ts` — the error that stops an import.
 */

import type { AftercareTip } from '../types/generated'

import { parseBenefits } from './parse/benefits'
import { ctaLabel, isCallToAction } from './parse/callToAction'
import { parsePost } from './parse/closing'
import { matchColumns } from './parse/comparison'
import { isHeadingLike } from './parse/headings'
import { ImportError } from './parse/ImportError'
import { normalizeInput } from './parse/input'
import { isBullet, NUMBERED_RE, sentences } from './parse/lines'
import { ArticleSource } from './parse/source'
import { slugify, titleFromComparisonHeading, titleFromFileName } from './parse/title'

export { FileImportError, ImportError } from './parse/ImportError'
export { inferTipCategory, inferTipTiming } from './parse/tips'
export { slugify } from './parse/title'

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
  /**
   * Lines (1-based) that are never a numbered section heading: a rich format's paragraphs when
   * its numbered sections are headings of their own (`formats/blocks.ts`).
   */
  notHeadings?: ReadonlySet<number>
}

/**
 * Parses one article. Throws `ImportError` (message "line N: …") when the file cannot be
 * imported; tolerable oddities end up in `warnings`.
 *
 * The plan, top to bottom: title line, intro, the numbered benefit sections, the closing part
 * (table, quote, takeaways, steps, conclusion); then the call to action is taken off the last
 * paragraph, the table's columns are matched to the sections, and the title and slug are set.
 */
export function parseArticle(text: string, options: ParseOptions = {}): ParsedArticle {
  const source = new ArticleSource(normalizeInput(text), options.notHeadings)
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
    warnings: source.warnings,
  }

  // Title line
  let i = source.nextNonBlank(0)
  let titleLine: { title: string; line: number } | undefined
  const first = source.lines[i]
  if (first) {
    const m = /^title\s*[:：]\s*(\S.*)?$/i.exec(first.text)
    if (m) {
      const t = (m[1] ?? '').trim()
      if (!t) {
        throw new ImportError(
          first.no,
          "the 'Title:' line is empty; write the article title after 'Title:'",
        )
      }
      titleLine = { title: t, line: first.no }
      i++
    } else if (first.hashHeading && !NUMBERED_RE.test(first.text) && isHeadingLike(first.text)) {
      titleLine = { title: first.text, line: first.no }
      i++
    }
  }

  // Intro
  let firstNumbered = -1
  for (let k = i; k < source.lines.length; k++) {
    if (source.numbered(k)) {
      firstNumbered = k
      break
    }
  }
  if (firstNumbered < 0) {
    throw new ImportError(
      1,
      "no numbered benefit sections found (expected lines like '1. Natural Pain Reduction')",
    )
  }
  for (let k = i; k < firstNumbered; k++) {
    const t = source.text(k)
    if (!t) {
      continue
    }
    if (!titleLine && article.intro.length === 0 && isHeadingLike(t) && !isBullet(t)) {
      source.warn(
        source.lineNo(k),
        `"${t}" looks like a title; start the line with 'Title: ' to use it as the article title`,
      )
    }
    article.intro.push(t)
  }

  // Benefit sections
  const postStart = parseBenefits(source, firstNumbered, article)

  // Closing part
  const cta = parsePost(source, postStart, article)

  // Call to action: the last paragraph of the file, when it asks the reader to act.
  const last = source.lines[source.lastIndex]
  if (last && isCallToAction(last.text)) {
    const placed = source.placedAt(last.no)
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
    article.comparison.columnBenefits = matchColumns(source, article.comparison, article.benefits)
  }

  for (const b of article.benefits) {
    const firstBody = b.body[0]
    const summary = firstBody !== undefined ? sentences(firstBody)[0] : undefined
    if (summary) {
      b.summary = summary
    }
  }

  // Title and slug
  if (titleLine) {
    article.title = titleLine.title
    article.titleSource = 'title-line'
  } else {
    const heading = article.comparison?.heading
    const fromHeading = heading !== undefined ? titleFromComparisonHeading(heading) : undefined
    const fromFile =
      options.fileName !== undefined ? titleFromFileName(options.fileName) : undefined
    if (fromHeading) {
      article.title = fromHeading
      article.titleSource = 'comparison-heading'
    } else if (fromFile) {
      article.title = fromFile
      article.titleSource = 'file-name'
      source.warn(
        1,
        `the article has no 'Title:' line; the title "${fromFile}" was made from the file name`,
      )
    } else if (heading) {
      article.title = heading
      article.titleSource = 'comparison-heading'
      source.warn(
        article.comparison?.line ?? 1,
        `the article has no 'Title:' line; the comparison heading "${heading}" was used as the title`,
      )
    } else {
      throw new ImportError(
        1,
        "the article has no title; add a first line like 'Title: Benefits of Acupuncture for Back Pain'",
      )
    }
  }
  article.slug = slugify(article.title)
  if (!article.slug) {
    throw new ImportError(
      titleLine?.line ?? 1,
      `no web address (slug) can be made from the title "${article.title}"; use letters or numbers in the title`,
    )
  }
  return article
}

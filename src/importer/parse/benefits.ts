/**
 * The numbered benefit sections: where they end, their numbering (1, 2, 3, … or an
 * `ImportError`), and what each line inside a section is — body, clinical perspective, chart
 * note, the tips heading, its lead-in and tips ("- Title: instruction"), or closing text.
 */

import type { ParsedArticle, ParsedBenefit } from '../parse'
import type { Line } from './lines'
import type { ArticleSource } from './source'

import {
  headingKey,
  isHeadingLike,
  isSubHeading,
  PERSPECTIVE_RE,
  postHeadingKind,
  TIPS_RE,
} from './headings'
import { ImportError } from './ImportError'
import { bulletText, isBullet, isChartNote, isPipeRow, isSeparator, splitTitled } from './lines'
import { inferTipCategory, inferTipTiming } from './tips'

interface SectionState {
  benefit: ParsedBenefit
  state: 'body' | 'perspective' | 'tips' | 'closing'
  /** Tips written without bullet markers ("Title: instruction" lines). */
  plainTips: boolean
}

/** Parses the numbered sections from `start`; returns the index where the closing part starts. */
export function parseBenefits(
  source: ArticleSource,
  start: number,
  article: ParsedArticle,
): number {
  // The closing part starts at the first table or known closing heading ("Key Takeaways", …)
  // after which the numbered sections do not continue.
  let hardEnd = source.lines.length
  let highest = 0
  for (let k = start; k < source.lines.length; k++) {
    const h = source.numbered(k)
    if (h) {
      highest = Math.max(highest, h.number)
      continue
    }
    if (k > start && (source.tableStartsAt(k) || postHeadingKind(source.text(k)) !== undefined)) {
      let continues = false
      for (let m = k + 1; m < source.lines.length; m++) {
        const next = source.numbered(m)
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
      const h = source.numbered(m)
      if (h) {
        return { number: h.number, line: source.lineNo(m) }
      }
    }
    return undefined
  }

  for (let k = start; k < hardEnd; k++) {
    const ln = source.lines[k]
    if (!ln || !ln.text) {
      continue
    }
    const heading = source.numbered(k)
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
        throw new ImportError(
          ln.no,
          `section number ${heading.number} is used twice (also on line ${dup})`,
        )
      }
      const expected = prev + 1
      if (heading.number !== expected) {
        let later: number | undefined
        for (let m = k + 1; m < hardEnd; m++) {
          if (source.numbered(m)?.number === expected) {
            later = source.lineNo(m)
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
          throw new ImportError(
            ln.no,
            `the first numbered section is ${heading.number}; numbering must start at 1`,
          )
        }
        throw new ImportError(
          ln.no,
          `section ${heading.number} follows section ${prev}; section ${expected} is missing`,
        )
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
    if (!cur) {
      continue
    }

    // An unrecognised heading after the tips of the last section starts the closing part.
    const t = ln.text
    if (
      isHeadingLike(t) &&
      !isSubHeading(t, PERSPECTIVE_RE) &&
      !isSubHeading(t, TIPS_RE) &&
      (cur.state === 'closing' || (cur.state === 'tips' && cur.benefit.tips.length > 0))
    ) {
      const next = nextNumberedFrom(k + 1)
      if (!next || next.number <= prev) {
        return k
      }
    }
    sectionLine(source, cur, ln)
  }
  return hardEnd
}

function sectionLine(source: ArticleSource, sec: SectionState, ln: Line): void {
  const b = sec.benefit
  const t = ln.text

  if (
    isSubHeading(t, PERSPECTIVE_RE) &&
    b.perspectiveHeading === undefined &&
    sec.state === 'body'
  ) {
    b.perspectiveHeading = headingKey(t)
    sec.state = 'perspective'
    return
  }
  if (
    isSubHeading(t, TIPS_RE) &&
    b.tipsHeading === undefined &&
    (sec.state === 'body' || sec.state === 'perspective')
  ) {
    b.tipsHeading = headingKey(t)
    sec.state = 'tips'
    return
  }
  if (isSeparator(t)) {
    return
  }

  if (isBullet(t)) {
    const content = bulletText(t)
    if (sec.state === 'tips' && !sec.plainTips) {
      addTip(source, b, content, ln.no)
      return
    }
    if (
      (sec.state === 'body' || sec.state === 'perspective') &&
      b.tips.length === 0 &&
      splitTitled(content)
    ) {
      // A tips list without a tips heading; the paragraph before it is its lead-in.
      const list = sec.state === 'body' ? b.body : b.perspective
      const before = list[list.length - 1]
      if (before !== undefined && before.endsWith(':')) {
        list.pop()
        b.tipsLeadIn = before
      }
      sec.state = 'tips'
      addTip(source, b, content, ln.no)
      return
    }
    source.warn(
      ln.no,
      `a bullet point in section ${b.number} outside its tips list was kept as a paragraph`,
    )
    paragraph(source, sec, content, ln.no)
    return
  }

  if (sec.state === 'tips') {
    const titled = t.endsWith(':') ? undefined : splitTitled(t)
    if (b.tips.length === 0) {
      if (titled && isHeadingLike(titled.title)) {
        sec.plainTips = true
        addTip(source, b, t, ln.no)
        return
      }
      if (b.tipsLeadIn === undefined) {
        b.tipsLeadIn = t
        return
      }
      source.warn(
        ln.no,
        `section ${b.number} has a tips heading but no "- Title: instruction" tip lines`,
      )
    } else if (sec.plainTips && titled && isHeadingLike(titled.title)) {
      addTip(source, b, t, ln.no)
      return
    }
    sec.state = 'closing'
  }

  if (isPipeRow(t)) {
    source.warn(
      ln.no,
      `tables inside a numbered section are not supported; this row was kept as a paragraph of section ${b.number}`,
    )
  } else if (isHeadingLike(t) && !isSubHeading(t, PERSPECTIVE_RE) && !isSubHeading(t, TIPS_RE)) {
    source.warn(
      ln.no,
      `"${t}" looks like a heading but is not one the importer knows; it was kept as a paragraph of section ${b.number}`,
    )
  } else if (isSubHeading(t, PERSPECTIVE_RE) || isSubHeading(t, TIPS_RE)) {
    source.warn(ln.no, `section ${b.number} repeats the heading "${t}"; it was kept as a paragraph`)
  }
  paragraph(source, sec, t, ln.no)
}

function paragraph(source: ArticleSource, sec: SectionState, text: string, line: number): void {
  const b = sec.benefit
  if ((sec.state === 'body' || sec.state === 'perspective') && isChartNote(text)) {
    b.chartNotes.push(text)
    source.warn(
      line,
      `this paragraph describes a chart that a text file cannot contain; it was kept as a chart note of section ${b.number}`,
    )
    return
  }
  if (sec.state === 'body') {
    b.body.push(text)
  } else if (sec.state === 'perspective') {
    b.perspective.push(text)
  } else {
    source.place(b.closing, text, line)
  }
}

function addTip(source: ArticleSource, b: ParsedBenefit, content: string, line: number): void {
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
    source.warn(
      line,
      `this tip has no "Title: instruction" form; its title was taken from its first words`,
    )
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

/**
 * The closing part after the numbered sections: the comparison table, the "next step"
 * heading and paragraphs, the quote, key takeaways, action steps, why it matters and the
 * conclusion. Returns the heading of the call to action, when it has one.
 */

import type { ActionStep, KeyTakeaway, ParsedArticle } from '../parse'
import type { ArticleSource } from './source'

import { isCallToAction } from './callToAction'
import { parseComparison } from './comparison'
import { headingKey, isHeadingLike, postHeadingKind } from './headings'
import {
  bulletText,
  isBullet,
  isSeparator,
  parseQuoteText,
  splitTitled,
  STRAY_MARKER_RE,
} from './lines'

export function parsePost(
  source: ArticleSource,
  start: number,
  article: ParsedArticle,
): { heading?: string } {
  const cta: { heading?: string } = {}
  let mode: 'none' | 'nextSteps' | 'after' = 'none'
  let j = start
  while (j < source.lines.length) {
    const ln = source.lines[j]
    if (!ln || !ln.text) {
      j++
      continue
    }
    const t = ln.text

    if (source.tableStartsAt(j)) {
      const { comparison, next } = parseComparison(source, j)
      if (article.comparison) {
        source.warn(
          comparison.line,
          'the article has a second table; only the first one is imported',
        )
      } else {
        article.comparison = comparison
      }
      j = next
      continue
    }

    const kind = postHeadingKind(t)
    if (kind === 'takeaways') {
      const r = parseTakeaways(source, j + 1)
      if (r.items.length > 0) {
        if (article.keyTakeaways.length > 0) {
          source.warn(ln.no, 'a second "Key Takeaways" list was added to the first')
        }
        article.keyTakeawaysHeading ??= headingKey(t)
        article.keyTakeaways.push(...r.items)
        mode = 'after'
        j = r.next
        continue
      }
    } else if (kind === 'actions') {
      const r = parseActions(source, j + 1)
      if (r.items.length > 0) {
        if (article.actionSteps.length > 0) {
          source.warn(ln.no, 'a second "Next Steps" list was added to the first')
        }
        article.actionStepsHeading ??= headingKey(t)
        article.actionSteps.push(...r.items)
        mode = 'after'
        j = r.next
        continue
      }
    } else if (kind === 'why') {
      const r = parseWhy(source, j + 1)
      if ((r.points.length > 0 || r.leadIn !== undefined) && !article.whyItMatters) {
        article.whyItMatters = {
          heading: headingKey(t),
          ...(r.leadIn !== undefined ? { leadIn: r.leadIn } : {}),
          points: r.points,
        }
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
      const k = source.nextNonBlank(j + 1)
      const attr = k >= 0 ? /^[—–]\s*(\S.{0,100})$/u.exec(source.text(k)) : null
      if (attribution === undefined && attr) {
        attribution = (attr[1] ?? '').trim()
        next = k + 1
      }
      if (article.quote) {
        source.warn(ln.no, 'the article has a second quote; it was kept as a conclusion paragraph')
        source.place(article.conclusion, t, ln.no)
      } else {
        article.quote = { text: quote.text, ...(attribution ? { attribution } : {}), line: ln.no }
      }
      mode = 'after'
      j = next
      continue
    }

    if (isHeadingLike(t)) {
      const k = source.nextNonBlank(j + 1)
      if (k >= 0 && k === source.lastIndex && isCallToAction(source.text(k))) {
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
      source.warn(
        ln.no,
        `"${t}" looks like a heading but the importer does not know where it belongs; it was kept as a paragraph`,
      )
    }

    if (isSeparator(t)) {
      j++
      continue
    }
    let content = t
    if (isBullet(t)) {
      content = bulletText(t)
      source.warn(ln.no, 'a bullet point outside a list the importer knows was kept as a paragraph')
    }
    if (mode === 'nextSteps') {
      source.place(article.nextStepsIntro, content, ln.no)
    } else {
      source.place(article.conclusion, content, ln.no)
      mode = 'after'
    }
    j++
  }
  return cta
}

function parseTakeaways(
  source: ArticleSource,
  start: number,
): { items: KeyTakeaway[]; next: number } {
  interface Item extends KeyTakeaway {
    index: number
    fromTitleLine: boolean
    indent: number
  }
  const items: Item[] = []
  let cur: Item | undefined
  let afterSeparator = false
  let j = start
  for (; j < source.lines.length; j++) {
    const ln = source.lines[j]
    if (!ln || !ln.text) {
      continue
    }
    if (source.endsBlock(j)) {
      break
    }
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
        const k = source.nextNonBlank(j + 1)
        const nested =
          k >= 0 && isBullet(source.text(k)) && (source.lines[k]?.indent ?? 0) > ln.indent
        const titled = nested ? undefined : splitTitled(content)
        const item: Item = titled
          ? {
              title: titled.title,
              points: [titled.rest],
              index: j,
              fromTitleLine: false,
              indent: ln.indent,
            }
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
  if (
    last &&
    last.fromTitleLine &&
    last.points.length === 0 &&
    items.some((it) => it.points.length > 0)
  ) {
    items.pop()
    j = last.index
  }
  return { items: items.map(({ title, points }) => ({ title, points })), next: j }
}

function parseActions(source: ArticleSource, start: number): { items: ActionStep[]; next: number } {
  interface Item extends ActionStep {
    index: number
  }
  const items: Item[] = []
  let cur: Item | undefined
  let j = start
  for (; j < source.lines.length; j++) {
    const ln = source.lines[j]
    if (!ln || !ln.text) {
      continue
    }
    if (source.endsBlock(j)) {
      break
    }
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

function parseWhy(
  source: ArticleSource,
  start: number,
): { leadIn?: string; points: string[]; next: number } {
  let leadIn: string | undefined
  const points: string[] = []
  let j = start
  for (; j < source.lines.length; j++) {
    const ln = source.lines[j]
    if (!ln || !ln.text) {
      continue
    }
    if (source.endsBlock(j)) {
      break
    }
    if (isSeparator(ln.text)) {
      continue
    }
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

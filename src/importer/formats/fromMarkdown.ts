/**
 * Markdown into article blocks: ATX headings (`## 1. Natural Pain Reduction`), paragraphs
 * (lines joined until a blank line), `-`/`*`/`+`/`1.` list items nested by indentation, `>`
 * quotes and pipe tables. Inline markup (links, emphasis, code) stays in each block's
 * fragment for Payload's Markdown converter; the block's text is it without the markup.
 */
import type { ArticleBlock } from './blocks'

import { collapse } from './blocks'

const HEADING_RE = /^ {0,3}(#{1,6})[ \t]+(\S.*)$/
const LIST_RE = /^([ \t]*)([-*+]|\d{1,3}[.)])[ \t]+(\S.*)$/
const QUOTE_RE = /^ {0,3}>[ \t]?(.*)$/
const RULE_RE = /^ {0,3}(?:[-*_][ \t]*){3,}$/
const SETEXT_RE = /^ {0,3}(?:=+|-+)[ \t]*$/

/** "## Heading ##" → "Heading". */
const headingText = (text: string): string => text.replace(/[ \t]#+[ \t]*$/, '').trim()

/** Markdown inline markup as plain text: links keep their words, emphasis and code their text. */
export function plainMarkdown(text: string): string {
  return collapse(
    text
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/<(https?:[^>\s]+)>/g, '$1')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/(\*\*|__)(\S(?:.*?\S)?)\1/g, '$2')
      .replace(/(^|[^\p{L}\p{N}*_])([*_])(\S(?:.*?\S)?)\2(?![\p{L}\p{N}])/gu, '$1$3')
      .replace(/~~(\S(?:.*?\S)?)~~/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1'),
  )
}

const splitCells = (line: string): string[] => {
  let s = line.trim()
  if (s.startsWith('|')) {
    s = s.slice(1)
  }
  if (s.endsWith('|') && !s.endsWith('\\|')) {
    s = s.slice(0, -1)
  }
  return s.split(/(?<!\\)\|/).map((c) => plainMarkdown(c))
}

const isTableRow = (line: string): boolean => line.includes('|') && splitCells(line).length >= 2

/** "|---|:--:|" under a table's header row. */
const isTableSeparator = (line: string): boolean =>
  line.includes('-') &&
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .every((c) => /^:?-{2,}:?$/.test(c.trim()))

const FRONT_MATTER_END = /^(?:---|\.\.\.)[ \t]*$/
const FRONT_TITLE_RE = /^title[ \t]*:(.*)$/i

/**
 * YAML front matter ("---" lines around `title: …`, `date: …`), as static site generators and
 * Markdown exports write it: taken off the lines; its `title` is returned.
 */
function frontMatter(lines: string[]): { lines: string[]; title?: string } {
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) {
    return { lines }
  }
  const end = lines.findIndex((line, k) => k > 0 && FRONT_MATTER_END.test(line))
  if (end < 0) {
    return { lines }
  }
  const found = lines
    .slice(1, end)
    .map((line) => FRONT_TITLE_RE.exec(line)?.[1]?.trim())
    .find((value) => value)
  const title = found
    ? collapse(found.replace(/^(["'])(.*)\1$/, '$2').replace(/\\"/g, '"'))
    : undefined
  return { lines: lines.slice(end + 1), ...(title ? { title } : {}) }
}

/** "[1]: https://… "Title"" — a reference-style link definition. */
const DEFINITION_RE =
  /^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/
const label = (text: string): string => collapse(text).toLowerCase()

/**
 * Reference-style links resolved: each definition line `[label]: url` is taken out, and every
 * `[text][label]`, `[text][]` and `[label]` that names one becomes `[text](url)`. Images
 * (`![alt](src)`, `![alt][label]`) are dropped, as an HTML page's are.
 */
function resolveReferences(lines: string[]): string[] {
  const urls = new Map<string, string>()
  const kept: string[] = []
  for (const line of lines) {
    const definition = DEFINITION_RE.exec(line)
    if (definition && !urls.has(label(definition[1] ?? ''))) {
      urls.set(label(definition[1] ?? ''), definition[2] ?? '')
      continue
    }
    kept.push(line)
  }
  return kept.map((line) => {
    let out = line.replace(/!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?/g, (image) =>
      /^!\[[^\]]*\]$/.test(image) && !urls.has(label(image.slice(2, -1))) ? image : '',
    )
    if (urls.size === 0) {
      return out
    }
    out = out.replace(
      /\[([^\]]+)\](?:\[([^\]]*)\])?(?![(:])/g,
      (all, text: string, ref: string | undefined) => {
        const url = urls.get(label(ref ? ref : text))
        return url === undefined ? all : `[${text}](${url})`
      },
    )
    return out
  })
}

export function markdownToBlocks(markdown: string): { blocks: ArticleBlock[]; title?: string } {
  const front = frontMatter(markdown.replace(/\r\n?/g, '\n').split('\n'))
  const lines = resolveReferences(front.lines)
  const blocks: ArticleBlock[] = []
  let title: string | undefined
  let k = 0
  const startsBlock = (line: string): boolean =>
    HEADING_RE.test(line) ||
    LIST_RE.test(line) ||
    QUOTE_RE.test(line) ||
    RULE_RE.test(line) ||
    /^\s*\|/.test(line)

  while (k < lines.length) {
    const line = lines[k] ?? ''
    if (!line.trim() || RULE_RE.test(line)) {
      k++
      continue
    }
    const heading = HEADING_RE.exec(line)
    if (heading) {
      const level = (heading[1] ?? '').length
      const text = plainMarkdown(headingText(heading[2] ?? ''))
      if (level === 1 && title === undefined && text) {
        title = text
      } else {
        blocks.push({ kind: 'heading', level, text })
      }
      k++
      continue
    }
    if (QUOTE_RE.test(line)) {
      const parts: string[] = []
      while (k < lines.length && QUOTE_RE.test(lines[k] ?? '')) {
        parts.push(QUOTE_RE.exec(lines[k] ?? '')?.[1] ?? '')
        k++
      }
      const last = parts.filter((p) => p.trim()).pop()
      const attribution =
        last && /^[—–]/u.test(last.trim()) && parts.filter((p) => p.trim()).length > 1
          ? plainMarkdown(last.trim().replace(/^[—–]+\s*/u, ''))
          : undefined
      if (attribution) {
        parts.splice(parts.lastIndexOf(last ?? ''), 1)
      }
      blocks.push({
        kind: 'quote',
        text: plainMarkdown(parts.join(' ')),
        ...(attribution ? { attribution } : {}),
      })
      continue
    }
    if (isTableRow(line) && isTableSeparator(lines[k + 1] ?? '')) {
      while (k < lines.length && isTableRow(lines[k] ?? '')) {
        if (!isTableSeparator(lines[k] ?? '')) {
          blocks.push({ kind: 'tableRow', cells: splitCells(lines[k] ?? '') })
        }
        k++
      }
      continue
    }
    const item = LIST_RE.exec(line)
    if (item) {
      const indent = (item[1] ?? '').replace(/\t/g, '  ').length
      const parts = [item[3] ?? '']
      k++
      // Lazy continuation lines belong to the item.
      while (k < lines.length && (lines[k] ?? '').trim() && !startsBlock(lines[k] ?? '')) {
        parts.push((lines[k] ?? '').trim())
        k++
      }
      const fragment = collapse(parts.join(' '))
      blocks.push({
        kind: 'listItem',
        text: plainMarkdown(fragment),
        fragment,
        depth: Math.floor(indent / 2),
        ...(/\d/.test(item[2] ?? '')
          ? { ordered: true, number: Number.parseInt(item[2] ?? '1', 10) }
          : { ordered: false }),
      })
      continue
    }
    const parts: string[] = []
    while (k < lines.length && (lines[k] ?? '').trim() && !startsBlock(lines[k] ?? '')) {
      const next = lines[k + 1] ?? ''
      if (parts.length === 0 && SETEXT_RE.test(next) && next.trim()) {
        break
      }
      parts.push((lines[k] ?? '').trim())
      k++
    }
    if (parts.length === 0) {
      // A setext heading: "Title" over "=====" or "-----".
      const text = plainMarkdown(line)
      const level = (lines[k + 1] ?? '').trim().startsWith('=') ? 1 : 2
      if (level === 1 && title === undefined) {
        title = text
      } else {
        blocks.push({ kind: 'heading', level, text })
      }
      k += 2
      continue
    }
    const fragment = collapse(parts.join(' '))
    blocks.push({ kind: 'paragraph', text: plainMarkdown(fragment), fragment })
  }
  title ??= front.title
  return { blocks, ...(title ? { title } : {}) }
}

/**
 * The comparison table: a pipe table "Aspect | <benefit> | …" with an optional heading, its
 * rows and rated cells ("Medium – multiple sessions needed"), and which benefit section each
 * column names (exactly, by number, or by a shortened title that fits one section only).
 */

import type {
  ComparisonCell,
  ComparisonRating,
  ComparisonRow,
  ParsedBenefit,
  ParsedComparison,
} from '../parse'
import type { ArticleSource } from './source'

import { headingKey } from './headings'
import { ImportError } from './ImportError'
import { isPipeRow, isTableSeparatorRow, splitIcon, splitRow } from './lines'

export function parseComparison(
  source: ArticleSource,
  start: number,
): { comparison: ParsedComparison; next: number } {
  let j = start
  let heading: string | undefined
  if (!isPipeRow(source.text(j))) {
    heading = headingKey(source.text(j))
    j = source.nextNonBlank(j + 1)
  }
  const headerLine = source.lineNo(j)
  const header = splitRow(source.text(j))
  if (header.slice(1).some((c) => !c)) {
    throw new ImportError(
      headerLine,
      'the comparison table header has an empty column name; every column must name a benefit section',
    )
  }
  let k = source.nextNonBlank(j + 1)
  if (k >= 0 && isTableSeparatorRow(source.text(k))) {
    const width = splitRow(source.text(k)).length
    if (width !== header.length) {
      throw new ImportError(
        source.lineNo(k),
        `the table separator row has ${width} columns, header has ${header.length}`,
      )
    }
    k = source.nextNonBlank(k + 1)
  }
  const rows: ComparisonRow[] = []
  while (k >= 0 && isPipeRow(source.text(k)) && !isTableSeparatorRow(source.text(k))) {
    const ln = source.lines[k]
    const no = ln?.no ?? k + 1
    const cells = splitRow(source.text(k))
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
    k = source.nextNonBlank(k + 1)
  }
  if (k >= 0 && isTableSeparatorRow(source.text(k))) {
    throw new ImportError(
      source.lineNo(k),
      'the table has a second separator row (---|---); remove it',
    )
  }
  if (rows.length === 0) {
    source.warn(headerLine, 'the comparison table has a header but no rows')
  }
  return {
    comparison: {
      ...(heading ? { heading } : {}),
      aspectLabel: header[0] ?? '',
      columns: header.slice(1),
      columnBenefits: [],
      rows,
      line: headerLine,
    },
    next: k >= 0 ? k : source.lines.length,
  }
}

/**
 * Maps every column to a benefit section. An exact title (ignoring case, punctuation and
 * emoji) matches; otherwise a column may shorten a title ("Sleep Quality") as long as it fits
 * one section only. A column that names no section is an error, see `ImportError` below.
 */
export function matchColumns(
  source: ArticleSource,
  comparison: ParsedComparison,
  benefits: ParsedBenefit[],
): number[] {
  const used = new Map<number, string>()
  const out: number[] = []
  const titles = benefits.map((b) => ({ b, key: matchKey(b.title), tokens: tokens(b.title) }))
  for (const column of comparison.columns) {
    const key = matchKey(column)
    let found = titles.find((t) => t.key === key)?.b
    let fuzzy = false
    if (!found) {
      const numbered = /^(?:benefit|section|#)?\s*(\d{1,3})$/i.exec(key)
      if (numbered) {
        found = benefits.find((b) => b.number === Number(numbered[1]))
      }
    }
    if (!found && key) {
      const contained = titles.filter((t) => t.key.includes(key) || key.includes(t.key))
      if (contained.length === 1) {
        found = contained[0]?.b
      } else {
        const colTokens = tokens(column)
        const scored = titles
          .map((t) => {
            const shared = t.tokens.filter((w) => colTokens.includes(w)).length
            return { b: t.b, score: (2 * shared) / (t.tokens.length + colTokens.length || 1) }
          })
          .sort((a, c) => c.score - a.score)
        const best = scored[0]
        const second = scored[1]
        if (best && best.score >= 0.6 && (!second || second.score < best.score)) {
          found = best.b
        }
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
      source.warn(
        comparison.line,
        `the comparison table column "${column}" was matched to section ${found.number} ("${found.title}")`,
      )
    }
    used.set(found.number, column)
    out.push(found.number)
  }
  const missing = benefits.filter((b) => !used.has(b.number)).map((b) => b.number)
  if (missing.length > 0) {
    source.warn(
      comparison.line,
      `the comparison table has no column for section${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    )
  }
  return out
}

const RATING_RE =
  /^(very\s+low|low|minimal|medium|moderate|high|very\s+high)(?:\s*[–—:]|\s+-(?=\s)|$)\s*(\S.*)?$/i

function parseCell(raw: string, line: number): ComparisonCell {
  const m = RATING_RE.exec(raw)
  if (!m) {
    return { text: raw, raw, line }
  }
  const label = m[1] ?? ''
  const word = label.toLowerCase().replace(/\s+/g, ' ')
  const rating: ComparisonRating =
    word === 'medium' || word === 'moderate' ? 'medium' : word.endsWith('high') ? 'high' : 'low'
  return { text: (m[2] ?? '').trim(), raw, rating, ratingLabel: label, line }
}

function matchKey(text: string): string {
  return splitIcon(text)
    .text.toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'of',
  'the',
  'for',
  'to',
  'in',
  'on',
  'with',
  'without',
  'your',
  'vs',
  'or',
])

function tokens(text: string): string[] {
  return matchKey(text)
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w))
}

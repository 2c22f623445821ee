/**
 * The uploaded file as cleaned lines, with what every part of the parser shares: reading a
 * line, finding the next non-blank one, recognising where a table or a closing block starts,
 * the warnings collected so far, and where each paragraph was placed (so the final call to
 * action can be taken out of the list it first went to).
 */

import type { ImportWarning } from '../parse'
import type { Line } from './lines'

import { isHeadingLike, numberedHeading, postHeadingKind } from './headings'
import { cleanLine, isPipeRow, isTableSeparatorRow, parseQuoteText } from './lines'

export class ArticleSource {
  readonly lines: Line[]
  readonly warnings: ImportWarning[] = []
  /** Where each paragraph went, so the final call to action can be taken out again. */
  private readonly placed = new Map<number, { list: string[]; value: string }>()
  /** Index of the last non-blank line. */
  readonly lastIndex: number

  /** Lines (1-based) that are never a numbered section heading (see `ParseOptions.notHeadings`). */
  private readonly notHeadings: ReadonlySet<number>

  constructor(text: string, notHeadings: ReadonlySet<number> = new Set()) {
    this.notHeadings = notHeadings
    this.lines = text.split('\n').map((raw, k) => cleanLine(raw, k + 1))
    let last = this.lines.length - 1
    while (last >= 0 && !this.text(last)) {
      last--
    }
    this.lastIndex = last
  }

  text(i: number): string {
    return this.lines[i]?.text ?? ''
  }

  /** The numbered section heading at line i ("1. Natural Pain Reduction"), if it is one. */
  numbered(i: number): ReturnType<typeof numberedHeading> {
    const line = this.lines[i]
    if (!line || this.notHeadings.has(line.no)) {
      return undefined
    }
    return numberedHeading(line.text)
  }

  lineNo(i: number): number {
    return this.lines[i]?.no ?? i + 1
  }

  warn(line: number, message: string): void {
    this.warnings.push({ line, message })
  }

  nextNonBlank(i: number, end = this.lines.length): number {
    let k = i
    while (k < end && !this.text(k)) {
      k++
    }
    return k < end ? k : -1
  }

  place(list: string[], value: string, line: number): void {
    list.push(value)
    this.placed.set(line, { list, value })
  }

  /** The list the paragraph of `line` was placed in, and the paragraph. */
  placedAt(line: number): { list: string[]; value: string } | undefined {
    return this.placed.get(line)
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
      return (
        k >= 0 &&
        isPipeRow(this.text(k)) &&
        !isTableSeparatorRow(this.text(k)) &&
        this.tableStartsAt(k)
      )
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
}

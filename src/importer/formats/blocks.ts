/**
 * The structure every import format is read into: the article as a flat list of blocks
 * (headings, paragraphs, list items, a quote, table rows). `renderBlocks` writes the blocks as
 * the clinic text layout, so the one text parser (`../parse.ts`) decides what is a benefit, a
 * clinical perspective, a tip, a comparison row or a quote for every format. The inline markup
 * of each paragraph and list item (links, emphasis) travels beside the text as a fragment in the
 * block's own markup language (HTML or Markdown), turned into Lexical later (`./richText.ts`).
 *
 * Pure: no Payload, no DOM.
 */

export type FragmentLanguage = 'html' | 'markdown'

export type ArticleBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string; fragment: string }
  | {
      kind: 'listItem'
      text: string
      fragment: string
      depth: number
      ordered: boolean
      /** An ordered item's number as the reader sees it (its list's `start`, counted on). */
      number?: number
    }
  | { kind: 'quote'; text: string; attribution?: string }
  | { kind: 'tableRow'; cells: string[] }

/** A paragraph's text as the parser sees it, and its markup. */
export interface RichFragment {
  text: string
  fragment: string
  /** Set for a list item: the kind of list it belongs to. */
  list?: 'bullet' | 'number'
}

export interface RenderedArticle {
  /** The article in the clinic text layout, one block a line. */
  text: string
  /** The markup of every paragraph and list item, by its text. */
  fragments: RichFragment[]
  language: FragmentLanguage
  /** For each line of `text` (0-based), the block's text, to point at it in an error. */
  lineTexts: string[]
  /**
   * Lines (1-based) the text parser must not read as a numbered section heading: the paragraphs
   * and list items of a document whose numbered sections are real headings, so that a paragraph
   * "2. Always Ask Your Doctor First" stays a paragraph.
   */
  notHeadings: Set<number>
}

/** Whitespace collapsed and trimmed, as the text parser cleans a line. */
export const collapse = (text: string): string =>
  text
    .replace(/[\u200B\u200C\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()

/** "2. Title": what the text parser reads as a numbered section heading. */
const NUMBERED = /^\d{1,3}[.)]\s+\S/

const QUOTE_MARKS = /^[“"„«]\s*|\s*[”"»]$/gu

/** A table cell as one pipe-row cell: no pipes or line breaks inside. */
const cell = (text: string): string => collapse(text).replace(/\|/g, '/')

/**
 * The blocks as the clinic text layout: `Title: …` for the first top-level heading when the
 * article has a `title`, `## ` headings, `- ` list items indented by depth, `“…” — who` quotes
 * and pipe-table rows with a separator under the header row.
 */
export function renderBlocks(
  blocks: ArticleBlock[],
  language: FragmentLanguage,
  title?: string,
): RenderedArticle {
  const lines: string[] = []
  const lineTexts: string[] = []
  const fragments: RichFragment[] = []
  const notHeadings = new Set<number>()
  // The numbered sections are headings of their own: no paragraph or list item is one.
  const headed = blocks.some((b) => b.kind === 'heading' && NUMBERED.test(collapse(b.text)))
  const push = (line: string, text = line, paragraph = false) => {
    lines.push(line)
    lineTexts.push(text)
    if (paragraph && headed) {
      notHeadings.add(lines.length)
    }
  }
  if (title && collapse(title)) {
    push(`Title: ${collapse(title)}`)
  }
  let previous: ArticleBlock | undefined
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading': {
        const text = collapse(block.text)
        if (text) {
          push(`## ${text}`, text)
        }
        break
      }
      case 'paragraph': {
        const text = collapse(block.text)
        if (text) {
          push(text, text, true)
          fragments.push({ text, fragment: block.fragment })
        }
        break
      }
      case 'listItem': {
        const text = collapse(block.text)
        if (text) {
          const marker = block.ordered ? `${block.number ?? 1}.` : '-'
          push(`${'  '.repeat(block.depth)}${marker} ${text}`, text, true)
          fragments.push({
            text,
            fragment: block.fragment,
            list: block.ordered ? 'number' : 'bullet',
          })
        }
        break
      }
      case 'quote': {
        const text = collapse(block.text).replace(QUOTE_MARKS, '')
        if (!text) {
          break
        }
        const who = block.attribution ? ` — ${collapse(block.attribution)}` : ''
        push(/[“”"]/u.test(text) ? `> ${text}` : `“${text}”${who}`, text)
        break
      }
      case 'tableRow': {
        const cells = block.cells.map(cell)
        if (cells.every((c) => !c)) {
          break
        }
        push(`| ${cells.join(' | ')} |`)
        if (previous?.kind !== 'tableRow') {
          push(`|${cells.map(() => '---').join('|')}|`)
        }
        break
      }
    }
    previous = block
  }
  return { text: lines.join('\n'), fragments, language, lineTexts, notHeadings }
}

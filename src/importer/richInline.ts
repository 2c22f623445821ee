/**
 * The inline content of an imported paragraph as Lexical nodes — text with its formats, links,
 * line breaks — as Payload's HTML and Markdown converters made it. The plan puts each
 * statistic's `claimRef` after its sentence in such content, just as it does in a plain
 * paragraph, so the evidence rules see imported rich text as they see imported plain text.
 *
 * Pure: Lexical JSON in, Lexical JSON out.
 */

export type LexicalNode = Record<string, unknown>

/** A paragraph or list item of a rich import (Word, HTML, Markdown). */
export interface RichParagraph {
  /** Its text as the parser saw it. */
  text: string
  /** Lexical inline nodes whose text is `text`. */
  children: LexicalNode[]
  /** Set when the paragraph is an item of a list. */
  list?: 'bullet' | 'number'
}

/** Finds the rich form of a parsed paragraph; undefined when it has none (a .txt import). */
export type RichLookup = (paragraph: string) => RichParagraph | undefined

const childrenOf = (node: LexicalNode): LexicalNode[] =>
  Array.isArray(node.children) ? (node.children as LexicalNode[]) : []

const isText = (node: LexicalNode): boolean => node.type === 'text' && typeof node.text === 'string'

/** The text of inline nodes; a line break reads as a space. */
export function plainOf(nodes: LexicalNode[]): string {
  return nodes
    .map((node) =>
      isText(node)
        ? (node.text as string)
        : node.type === 'linebreak' || node.type === 'tab'
          ? ' '
          : plainOf(childrenOf(node)),
    )
    .join('')
}

/**
 * Inline nodes with their whitespace collapsed as the text parser collapses a line's: runs of
 * spaces (across node boundaries too) become one, none at the start or the end; empty text
 * nodes and line breaks (which become spaces) are dropped.
 */
export function collapseInline(nodes: LexicalNode[]): LexicalNode[] {
  let atSpace = true
  const walk = (list: LexicalNode[]): LexicalNode[] => {
    const out: LexicalNode[] = []
    for (const node of list) {
      if (node.type === 'linebreak' || node.type === 'tab') {
        const prev = out[out.length - 1]
        if (!atSpace && prev && isText(prev)) {
          out[out.length - 1] = { ...prev, text: `${prev.text as string} ` }
          atSpace = true
        } else if (!atSpace) {
          out.push({ ...textLike(prev), text: ' ' })
          atSpace = true
        }
        continue
      }
      if (isText(node)) {
        let text = (node.text as string)
          .replace(/[\u200B\u200C\u2060\uFEFF]/g, '')
          .replace(/\s+/g, ' ')
        if (atSpace) {
          text = text.replace(/^ /, '')
        }
        if (text) {
          atSpace = text.endsWith(' ')
          out.push({ ...node, text })
        }
        continue
      }
      const children = walk(childrenOf(node))
      if (children.length > 0 || !Array.isArray(node.children)) {
        out.push(Array.isArray(node.children) ? { ...node, children } : node)
      }
    }
    return out
  }
  const out = walk(nodes)
  trimEnd(out)
  return out
}

const textLike = (node: LexicalNode | undefined): LexicalNode => ({
  type: 'text',
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  version: 1,
  ...(node && isText(node) ? node : {}),
})

function trimEnd(nodes: LexicalNode[]): void {
  for (let last = nodes[nodes.length - 1]; last; last = nodes[nodes.length - 1]) {
    if (isText(last)) {
      const text = (last.text as string).replace(/ $/, '')
      if (text) {
        nodes[nodes.length - 1] = { ...last, text }
        return
      }
      nodes.pop()
      continue
    }
    const children = childrenOf(last)
    if (!Array.isArray(last.children)) {
      return
    }
    const copy = [...children]
    trimEnd(copy)
    if (copy.length > 0) {
      nodes[nodes.length - 1] = { ...last, children: copy }
      return
    }
    nodes.pop()
  }
}

/**
 * `nodes` with `insert` placed right after character `offset` of their text: a text node is
 * split there; an element (a link) that `offset` falls inside is kept whole, and `insert` goes
 * after it.
 */
export function insertAtOffset(
  nodes: LexicalNode[],
  offset: number,
  insert: LexicalNode[],
): LexicalNode[] {
  let start = 0
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]
    const length = plainOf([node]).length
    const end = start + length
    if (offset <= end && (offset > start || length === 0)) {
      if (isText(node) && offset < end) {
        const text = node.text as string
        const cut = offset - start
        return [
          ...nodes.slice(0, i),
          { ...node, text: text.slice(0, cut) },
          ...insert,
          { ...node, text: text.slice(cut) },
          ...nodes.slice(i + 1),
        ]
      }
      return [...nodes.slice(0, i + 1), ...insert, ...nodes.slice(i + 1)]
    }
    start = end
  }
  return [...nodes, ...insert]
}

/**
 * Walking Payload `richtext-lexical` JSON without Payload.
 *
 * Payload does not run field hooks inside Lexical blocks, so the evidence engine reads the
 * serialized editor state itself: every block-level text container (paragraph, heading, list
 * item, quote, table cell, code block, and unknown element nodes) becomes one {@link LexicalSegment}
 * with its concatenated plain text, a readable path and the `claimRef` inline blocks positioned in
 * it. `block` / `inlineBlock` nodes are descended into: their string fields and nested rich text
 * fields become segments of their own, labelled with the block's name and the field's name.
 *
 * Everything here is defensive: values come from a database or an API and may be partial.
 */

import type { DocId } from '../shared/ids'

import { relationId, relationIds, uniqueIds } from '../shared/ids'

/** A `claimRef` inline block positioned in a segment's text. */
export interface ClaimRefMark {
  claimId: DocId
  /** Offset in the segment's `text` at which the inline block sits (UTF-16 code units). */
  offset: number
}

/** Where an inline block (other than `claimRef`) sits in the text container that holds it. */
export interface SegmentHost {
  /** The host container's concatenated text. */
  text: string
  /** Offset of the inline block in `text`. */
  offset: number
  /** The host container's claimRef marks: a claim in the host sentence also backs the inline block. */
  claimRefs: ClaimRefMark[]
}

/** One run of prose in a rich text value. */
export interface LexicalSegment {
  /** Concatenated plain text (line breaks as "\n", tabs as "\t"). */
  text: string
  /** Readable location: the base path plus table / block / field labels. */
  path: string[]
  /** `claimRef` inline blocks inside this container, in document order. */
  claimRefs: ClaimRefMark[]
  /**
   * Claim ids that back the whole segment: the sibling `claim` / `claims` field of a plain string
   * field inside a block. Always empty for rich text containers (they use `claimRefs`).
   */
  claimIds: DocId[]
  /**
   * Lexical type of the container (`paragraph`, `heading`, `listitem`, `quote`, `tablecell`, ...),
   * or `field` for a plain string field inside a block.
   */
  container: string
  /** Set when the segment is a field of an inline block: where that inline block sits. */
  host?: SegmentHost
}

export interface WalkLexicalOptions {
  /** Readable path of the rich text field itself, e.g. `['Benefits', 'Natural Pain Reduction', 'Body']`. */
  path: string[]
}

/** A sentence of a text: `text === source.slice(start, end)`, trimmed. */
export interface SentenceSpan {
  text: string
  start: number
  end: number
}

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Node types that are never inline content. */
export const BLOCK_TYPES = new Set([
  'root',
  'paragraph',
  'heading',
  'list',
  'listitem',
  'quote',
  'table',
  'tablerow',
  'tablecell',
  'code',
  'block',
  'upload',
  'relationship',
  'horizontalrule',
])

/** Keys of block / array-row objects whose string values are not prose. */
const NON_PROSE_KEYS = new Set([
  'id',
  '_id',
  'blockType',
  'blockName',
  'claim',
  'claims',
  'url',
  'href',
  'link',
  'slug',
  'relationTo',
  'type',
  'linkType',
  'icon',
  'color',
  'colour',
  'variant',
  'style',
  'size',
  'align',
  'alignment',
  'anchor',
  'format',
  'layout',
  'theme',
  'tag',
  'listType',
  'direction',
  'createdAt',
  'updatedAt',
  'mimeType',
  'filename',
])

/** True for a serialized Lexical editor state (`{ root: { children: [...] } }`). */
export function isLexicalValue(value: unknown): value is { root: JsonObject } {
  return isObject(value) && isObject(value.root) && Array.isArray(value.root.children)
}

function parseMaybeJson(value: unknown): unknown {
  if (typeof value === 'string' && value.trimStart().startsWith('{')) {
    try {
      return JSON.parse(value) as unknown
    } catch {
      return value
    }
  }
  return value
}

/**
 * Humanise a field name or block slug: `clinicalPerspective` → "Clinical perspective",
 * `comparison_table` → "Comparison table". Upper-case runs (`FAQItems`) are kept as acronyms.
 */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
  if (words.length === 0) {
    return name
  }
  return words
    .map((word, i) => {
      const acronym = word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word)
      if (acronym) {
        return word
      }
      const lower = word.toLowerCase()
      return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower
    })
    .join(' ')
}

/** Claim ids held by a `claim` (single) and/or `claims` (hasMany) field of an object. */
function claimIdsOf(fields: JsonObject): DocId[] {
  return uniqueIds([...relationIds(fields.claim), ...relationIds(fields.claims)])
}

/** A readable label for a block's fields: its `blockName`, else its humanised `blockType`. */
function blockLabel(fields: JsonObject): string {
  if (typeof fields.blockName === 'string' && fields.blockName.trim() !== '') {
    return fields.blockName.trim()
  }
  if (typeof fields.blockType === 'string' && fields.blockType !== '') {
    return humanize(fields.blockType)
  }
  return 'Block'
}

/** A label for an array row: a title-like string field, else "Item n". */
function rowLabel(row: JsonObject, index: number): string {
  if (typeof row.blockType === 'string' || typeof row.blockName === 'string') {
    const label = blockLabel(row)
    if (label !== 'Block') {
      return label
    }
  }
  for (const key of ['title', 'label', 'name', 'heading']) {
    const v = row[key]
    if (typeof v === 'string' && v.trim() !== '' && v.length <= 80) {
      return v.trim()
    }
  }
  return `Item ${index + 1}`
}

/** A populated relationship / upload document, which is not part of the block's own content. */
function isForeignDocument(value: JsonObject): boolean {
  return (
    'relationTo' in value ||
    ('createdAt' in value && 'updatedAt' in value) ||
    ('mimeType' in value && 'filename' in value)
  )
}

function isProseString(value: string): boolean {
  const s = value.trim()
  if (s === '') {
    return false
  }
  if (/^(?:https?:|mailto:|tel:|\/|#[0-9a-f]{3,8}$)/i.test(s)) {
    return false
  }
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+/.test(s)) {
    return false
  }
  return true
}

interface Buffer {
  text: string
  claimRefs: ClaimRefMark[]
  /** Segments made from inline blocks of this container, whose `host` is filled when it closes. */
  inlineSegments: { segments: LexicalSegment[]; offset: number }[]
}

class Walker {
  readonly segments: LexicalSegment[] = []
  private tableCount = 0

  /** A block-level node: collect its inline content as one segment; walk nested blocks separately. */
  walkBlock(node: JsonObject, path: string[]): void {
    const type = typeof node.type === 'string' ? node.type : ''
    if (type === 'table') {
      return this.walkTable(node, path)
    }
    if (type === 'block') {
      if (isObject(node.fields)) {
        this.walkFields(node.fields, [...path, blockLabel(node.fields)])
      }
      return
    }
    if (type === 'upload') {
      // An image placed in the text: its own fields (a caption) are shown with it. Its alt text
      // lives on the media document, which the content graph checks.
      if (isObject(node.fields)) {
        this.walkFields(node.fields, [...path, 'Image'])
      }
      return
    }
    if (type === 'inlineBlock') {
      // An inline block on its own at block level: walk its fields (claimRefs there back nothing).
      if (isObject(node.fields) && node.fields.blockType !== 'claimRef') {
        this.walkFields(node.fields, [...path, blockLabel(node.fields)])
      }
      return
    }
    const children = Array.isArray(node.children) ? node.children.filter(isObject) : []
    const buffer: Buffer = { text: '', claimRefs: [], inlineSegments: [] }
    // Nested containers go to their own walker so that this container's segment precedes them.
    const nested = new Walker()
    nested.tableCount = this.tableCount
    // Children of the root and of lists are always block-level, whatever their type.
    const blockContext = type === 'root' || type === 'list'
    for (const child of children) {
      if (blockContext) {
        nested.walkBlock(child, path)
      } else {
        nested.walkInline(child, path, buffer)
      }
    }
    this.tableCount = nested.tableCount
    if (typeof node.text === 'string' && children.length === 0) {
      buffer.text += node.text
    }

    for (const { segments, offset } of buffer.inlineSegments) {
      for (const segment of segments) {
        segment.host = { text: buffer.text, offset, claimRefs: buffer.claimRefs }
      }
    }
    if (buffer.text.trim() !== '') {
      this.segments.push({
        text: buffer.text,
        path,
        claimRefs: buffer.claimRefs,
        claimIds: [],
        container: type === '' ? 'unknown' : type,
      })
    }
    this.segments.push(...nested.segments)
  }

  /** Content inside a text container. Nested block-level nodes are walked as their own segments. */
  private walkInline(node: JsonObject, path: string[], buffer: Buffer): void {
    const type = typeof node.type === 'string' ? node.type : ''
    switch (type) {
      case 'text':
        if (typeof node.text === 'string') {
          buffer.text += node.text
        }
        return
      case 'linebreak':
        buffer.text += '\n'
        return
      case 'tab':
        buffer.text += '\t'
        return
      case 'inlineBlock': {
        if (!isObject(node.fields)) {
          return
        }
        if (node.fields.blockType === 'claimRef') {
          for (const claimId of claimIdsOf(node.fields)) {
            buffer.claimRefs.push({ claimId, offset: buffer.text.length })
          }
          return
        }
        const inner = new Walker()
        inner.walkFields(node.fields, [...path, blockLabel(node.fields)])
        buffer.inlineSegments.push({ segments: inner.segments, offset: buffer.text.length })
        this.segments.push(...inner.segments)
        return
      }
    }
    if (BLOCK_TYPES.has(type)) {
      this.walkBlock(node, path)
      return
    }
    const children = Array.isArray(node.children) ? node.children.filter(isObject) : []
    if (children.length > 0) {
      // Unknown element: an inline wrapper (link, mark, ...) unless it holds block-level nodes.
      const holdsBlocks = children.some(
        (c) => typeof c.type === 'string' && BLOCK_TYPES.has(c.type),
      )
      if (holdsBlocks && type !== 'link' && type !== 'autolink') {
        this.walkBlock(node, path)
        return
      }
      for (const child of children) {
        this.walkInline(child, path, buffer)
      }
      return
    }
    if (typeof node.text === 'string') {
      buffer.text += node.text
    }
  }

  private walkTable(node: JsonObject, path: string[]): void {
    this.tableCount += 1
    const prefix = this.tableCount === 1 ? 'Table' : `Table ${this.tableCount}`
    const rows = Array.isArray(node.children) ? node.children.filter(isObject) : []
    rows.forEach((row, r) => {
      const cells = Array.isArray(row.children) ? row.children.filter(isObject) : []
      cells.forEach((cell, c) => {
        this.walkBlock(cell, [...path, `${prefix} row ${r + 1}`, `cell ${c + 1}`])
      })
    })
  }

  /** A nested rich text value: its own table numbering. */
  private walkRichText(root: JsonObject, path: string[]): void {
    const inner = new Walker()
    inner.walkBlock(root, path)
    this.segments.push(...inner.segments)
  }

  /** The fields of a block (or a group / array row inside one). */
  walkFields(fields: JsonObject, path: string[]): void {
    const siblingClaims = claimIdsOf(fields)
    for (const [key, raw] of Object.entries(fields)) {
      if (NON_PROSE_KEYS.has(key)) {
        continue
      }
      const value = parseMaybeJson(raw)
      const fieldPath = [...path, humanize(key)]
      if (typeof value === 'string') {
        if (isProseString(value)) {
          this.segments.push({
            text: value,
            path: fieldPath,
            claimRefs: [],
            claimIds: siblingClaims,
            container: 'field',
          })
        }
      } else if (isLexicalValue(value)) {
        this.walkRichText(value.root, fieldPath)
      } else if (Array.isArray(value)) {
        value.forEach((item, i) => {
          if (typeof item === 'string') {
            if (isProseString(item)) {
              this.segments.push({
                text: item,
                path: fieldPath,
                claimRefs: [],
                claimIds: siblingClaims,
                container: 'field',
              })
            }
          } else if (isLexicalValue(item)) {
            this.walkRichText(item.root, [...fieldPath, `Item ${i + 1}`])
          } else if (isObject(item) && !isForeignDocument(item)) {
            this.walkFields(item, [...fieldPath, rowLabel(item, i)])
          }
        })
      } else if (isObject(value) && !isForeignDocument(value)) {
        this.walkFields(value, fieldPath)
      }
    }
  }
}

/**
 * The text segments of a rich text value, one per block-level text container, in document order
 * (a container comes before the containers nested in it). Non-Lexical values yield `[]`; a JSON
 * string holding an editor state is parsed.
 */
export function walkLexical(value: unknown, options: WalkLexicalOptions): LexicalSegment[] {
  const parsed = parseMaybeJson(value)
  if (!isLexicalValue(parsed)) {
    return []
  }
  const walker = new Walker()
  walker.walkBlock(parsed.root, [...options.path])
  return walker.segments
}

/** The plain text of a rich text value: its segments joined by blank lines. */
export function lexicalToPlainText(value: unknown): string {
  if (typeof value === 'string' && !isLexicalValue(parseMaybeJson(value))) {
    return value
  }
  return walkLexical(value, { path: [] })
    .map((s) => s.text.trim())
    .join('\n\n')
}

/**
 * Every claim id referenced anywhere in a rich text value: `claimRef` inline blocks, and `claim` /
 * `claims` fields inside any block or inline block (at any depth, including nested rich text).
 * Unique by `String(id)`, in document order.
 */
export function extractClaimIds(value: unknown): DocId[] {
  const ids: DocId[] = []
  const visit = (node: unknown, inBlock: boolean): void => {
    const parsed = parseMaybeJson(node)
    if (Array.isArray(parsed)) {
      for (const item of parsed) {
        visit(item, inBlock)
      }
      return
    }
    if (!isObject(parsed)) {
      return
    }
    const isBlockNode =
      (parsed.type === 'block' || parsed.type === 'inlineBlock') && isObject(parsed.fields)
    for (const [key, child] of Object.entries(parsed)) {
      if (inBlock && (key === 'claim' || key === 'claims')) {
        for (const v of Array.isArray(child) ? child : [child]) {
          const id = relationId(v)
          if (id !== undefined) {
            ids.push(id)
          }
        }
        continue
      }
      visit(child, inBlock || (isBlockNode && key === 'fields'))
    }
  }
  visit(value, false)
  return uniqueIds(ids)
}

/** Calls `visit` with every object anywhere in `value` (each once), parents before children. */
function forEachObject(value: unknown, visit: (object: JsonObject) => void): void {
  const seen = new Set<unknown>()
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) {
      return
    }
    seen.add(node)
    if (Array.isArray(node)) {
      node.forEach(walk)
      return
    }
    visit(node as JsonObject)
    for (const child of Object.values(node)) {
      walk(child)
    }
  }
  walk(value)
}

/**
 * Calls `visit` with the `fields` of every `claimRef` inline block anywhere in `value` — a rich
 * text value or a whole document holding several. The fields object is the stored one, so
 * `visit` may change it in place.
 */
export function forEachClaimRef(value: unknown, visit: (fields: JsonObject) => void): void {
  forEachObject(value, (object) => {
    if (
      object.type === 'inlineBlock' &&
      isObject(object.fields) &&
      object.fields.blockType === 'claimRef'
    ) {
      visit(object.fields)
    }
  })
}

/** Words that end with "." without ending a sentence (compared lower-case, without the dot). */
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'prof',
  'st',
  'sr',
  'jr',
  'vs',
  'etc',
  'cf',
  'fig',
  'figs',
  'approx',
  'ca',
  'al',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ave',
  'vol',
  'pp',
  'eq',
  'ref',
  'refs',
])

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»'])

/** Should the "." at `dot` end a sentence? */
function periodEndsSentence(text: string, dot: number, next: number): boolean {
  // The word before the dot (letters, digits and inner dots, e.g. "U.S", "e.g", "6").
  let w = dot
  while (w > 0 && /[\p{L}\p{N}.]/u.test(text.charAt(w - 1))) {
    w -= 1
  }
  const word = text.slice(w, dot)
  const lower = word.toLowerCase()
  const nextChar = next < text.length ? text.charAt(next) : ''
  if (nextChar === '') {
    return true
  }
  // A dotted abbreviation or acronym: "e.g.", "i.e.", "U.S.", "a.m.", "Ph.D."
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(word)) {
    return false
  }
  if (ABBREVIATIONS.has(lower)) {
    return false
  }
  // "No. 5", "no." at the end of a sentence is a word
  if (lower === 'no' && /\d/.test(nextChar)) {
    return false
  }
  // An initial: "J. Smith"
  if (/^\p{Lu}$/u.test(word)) {
    return false
  }
  // A list number at the start of the text: "1. Natural pain reduction"
  if (/^\d+$/.test(word) && text.slice(0, w).trim() === '') {
    return false
  }
  // The next sentence does not start lower-case ("approx. five", unknown abbreviations).
  if (/\p{Ll}/u.test(nextChar)) {
    return false
  }
  return true
}

/**
 * Split prose into sentences. A sentence ends at ".", "!", "?" or "…" (plus closing quotes or
 * brackets) followed by whitespace or the end of the text, and at every line break. A "." does not
 * end a sentence after an abbreviation ("Dr.", "e.g.", "U.S.", "et al."), an initial, a list
 * number at the start, or before a lower-case word; decimals ("6.8") never split since no
 * whitespace follows their dot. Spans are trimmed; whitespace between sentences belongs to none.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = []
  const push = (from: number, to: number): void => {
    let s = from
    let e = to
    while (s < e && /\s/.test(text.charAt(s))) {
      s += 1
    }
    while (e > s && /\s/.test(text.charAt(e - 1))) {
      e -= 1
    }
    if (e > s) {
      spans.push({ text: text.slice(s, e), start: s, end: e })
    }
  }
  let start = 0
  let i = 0
  while (i < text.length) {
    const ch = text.charAt(i)
    if (ch === '\n' || ch === '\r') {
      push(start, i)
      start = i + 1
      i += 1
      continue
    }
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
      let j = i + 1
      while (j < text.length && /[.!?…]/.test(text.charAt(j))) {
        j += 1
      }
      while (j < text.length && CLOSERS.has(text.charAt(j))) {
        j += 1
      }
      const atEnd = j >= text.length
      if (atEnd || /\s/.test(text.charAt(j))) {
        let next = j
        while (next < text.length && /[ \t\u00a0]/.test(text.charAt(next))) {
          next += 1
        }
        const ends = ch === '.' && j === i + 1 ? periodEndsSentence(text, i, next) : true
        if (ends) {
          push(start, j)
          start = j
        }
      }
      i = j
      continue
    }
    i += 1
  }
  push(start, text.length)
  return spans
}

/**
 * Ids of the documents of `relationTo` that `upload` nodes anywhere in a rich text value show
 * (images placed in the text), in document order, without repeats.
 */
export function extractUploadIds(value: unknown, relationTo: string): DocId[] {
  const ids: DocId[] = []
  forEachObject(value, (object) => {
    if (object.type !== 'upload' || object.relationTo !== relationTo) {
      return
    }
    const id = relationId(object.value)
    if (id !== undefined) {
      ids.push(id)
    }
  })
  return uniqueIds(ids)
}

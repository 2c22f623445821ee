/**
 * Cites a claim in rich text: inserts a `claimRef` inline block right after a sentence of a
 * Lexical value (footnote-style, where coverage looks for it: `sentenceForClaimRef` in
 * coverage.ts). Pure and immutable: the value given is not changed.
 *
 * The sentence is found the way the evidence engine reads rich text: per text container
 * (paragraph, heading, list item, quote, table cell) whose text is its text nodes, line breaks as
 * "\n" and tabs as "\t" (`walkLexical`), split by `splitSentences`. The evidence check reports an
 * issue's sentence exactly so.
 */
import type { DocId } from '../shared/ids'

import { relationId } from '../shared/ids'
import { sentenceForClaimRef } from './coverage'
import { BLOCK_TYPES, isLexicalValue, splitSentences } from './lexical'

type Node = Record<string, unknown>

export interface InsertClaimRefInput {
  /** The sentence to cite, as the evidence check reports it (trimmed). */
  sentence: string
  /** The statistic as written; with several equal sentences, one that contains it is chosen. */
  text?: string
  claimId: DocId
  /** The new inline block's `fields.id` (a fresh 24-hex id when left out). */
  blockId?: string
}

export interface InsertClaimRefResult {
  /** The new value (the same object when nothing was inserted). */
  value: unknown
  /** False when no container holds the sentence, or it already cites the claim. */
  isInserted: boolean
  /** True when the sentence already cited this claim (nothing inserted). */
  wasCited: boolean
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const childrenOf = (node: Node): Node[] =>
  Array.isArray(node.children) ? node.children.filter(isNode) : []

/** Containers whose children are blocks, never inline content (`walkLexical`'s block context). */
const BLOCK_CONTEXT = new Set(['root', 'list', 'table', 'tablerow'])

/** A fresh id like the ones Payload gives blocks (24 hex digits). */
export function newBlockId(): string {
  let id = ''
  for (let i = 0; i < 24; i += 1) {
    id += Math.floor(Math.random() * 16).toString(16)
  }
  return id
}

/** The `claimRef` inline block node the admin's editor stores. */
export function claimRefNode(claimId: DocId, blockId: string = newBlockId()): Node {
  return {
    type: 'inlineBlock',
    version: 1,
    fields: { id: blockId, blockName: '', blockType: 'claimRef', claim: claimId },
  }
}

/** How many characters of its container's text an inline node holds. */
function inlineLength(node: Node): number {
  const type = typeof node.type === 'string' ? node.type : ''
  if (type === 'text') {
    return typeof node.text === 'string' ? node.text.length : 0
  }
  if (type === 'linebreak' || type === 'tab') {
    return 1
  }
  if (type === 'inlineBlock' || BLOCK_TYPES.has(type)) {
    return 0
  }
  const children = childrenOf(node)
  if (children.length > 0) {
    return children.reduce((sum, child) => sum + inlineLength(child), 0)
  }
  return typeof node.text === 'string' ? node.text.length : 0
}

/** A container's text as `walkLexical` builds it (inline content only). */
function containerText(node: Node): string {
  let text = ''
  const visit = (child: Node): void => {
    const type = typeof child.type === 'string' ? child.type : ''
    if (type === 'text') {
      text += typeof child.text === 'string' ? child.text : ''
    } else if (type === 'linebreak') {
      text += '\n'
    } else if (type === 'tab') {
      text += '\t'
    } else if (type !== 'inlineBlock' && !BLOCK_TYPES.has(type)) {
      const children = childrenOf(child)
      if (children.length > 0) {
        children.forEach(visit)
      } else if (typeof child.text === 'string') {
        text += child.text
      }
    }
  }
  childrenOf(node).forEach(visit)
  return text
}

/** Every claimRef of a container, with its offset in the container's text. */
function claimRefsOf(node: Node): { claimId: string; offset: number }[] {
  const refs: { claimId: string; offset: number }[] = []
  let offset = 0
  const visit = (child: Node): void => {
    const type = typeof child.type === 'string' ? child.type : ''
    if (type === 'inlineBlock') {
      const fields = isNode(child.fields) ? child.fields : undefined
      if (fields?.blockType === 'claimRef') {
        const id = relationId(fields.claim)
        if (id !== undefined) {
          refs.push({ claimId: String(id), offset })
        }
      }
      return
    }
    if (
      type === 'text' ||
      type === 'linebreak' ||
      type === 'tab' ||
      childrenOf(child).length === 0
    ) {
      offset += inlineLength(child)
      return
    }
    if (!BLOCK_TYPES.has(type)) {
      childrenOf(child).forEach(visit)
    }
  }
  childrenOf(node).forEach(visit)
  return refs
}

/** `children` with `inserted` placed at `offset` of their text (text nodes split as needed). */
function insertAt(children: Node[], offset: number, inserted: Node): Node[] {
  const out: Node[] = []
  let start = 0
  let isPlaced = offset === 0
  if (isPlaced) {
    out.push(inserted)
  }
  for (const child of children) {
    const length = inlineLength(child)
    const end = start + length
    if (!isPlaced && offset > start && offset < end) {
      const type = child.type
      if (type === 'text' && typeof child.text === 'string') {
        const cut = offset - start
        out.push({ ...child, text: child.text.slice(0, cut) }, inserted, {
          ...child,
          text: child.text.slice(cut),
        })
      } else {
        // An inline wrapper (a link): place it inside, next to the text it ends in.
        out.push({ ...child, children: insertAt(childrenOf(child), offset - start, inserted) })
      }
      isPlaced = true
    } else {
      out.push(child)
      if (!isPlaced && offset === end && length > 0) {
        out.push(inserted)
        isPlaced = true
      }
    }
    start = end
  }
  if (!isPlaced) {
    out.push(inserted)
  }
  return out
}

interface Place {
  /** Indexes from the root to the container. */
  path: number[]
  /** Offset in the container's text right after the sentence. */
  end: number
  wasCited: boolean
}

/** Every text container holding the sentence, in document order. */
function findPlaces(root: Node, input: InsertClaimRefInput): Place[] {
  const wanted = input.sentence.trim()
  const places: Place[] = []
  const visit = (node: Node, path: number[]): void => {
    const type = typeof node.type === 'string' ? node.type : ''
    const children = childrenOf(node)
    if (BLOCK_CONTEXT.has(type)) {
      children.forEach((child, index) => visit(child, [...path, index]))
      return
    }
    if (type === 'block' || type === 'inlineBlock' || type === 'upload') {
      return
    }
    const text = containerText(node)
    const sentences = splitSentences(text)
    sentences.forEach((span, index) => {
      if (span.text === wanted && (!input.text || span.text.includes(input.text))) {
        // The claimRefs coverage gives this sentence — by coverage's own rule, so that "already
        // cites" here means covered there (a claimRef at the start of a sentence backs the one
        // before it).
        const cited = claimRefsOf(node)
          .filter((ref) => sentenceForClaimRef(sentences, ref.offset) === index)
          .map((ref) => ref.claimId)
        places.push({ path, end: span.end, wasCited: cited.includes(String(input.claimId)) })
      }
    })
    // Block-level nodes nested in a container (a list in a list item) are containers of their own.
    children.forEach((child, index) => {
      const childType = typeof child.type === 'string' ? child.type : ''
      if (BLOCK_TYPES.has(childType)) {
        visit(child, [...path, index])
      }
    })
  }
  visit(root, [])
  return places
}

/** `node` with the container at `path` replaced by `update(container)`. */
function updateAt(node: Node, path: number[], update: (container: Node) => Node): Node {
  if (path.length === 0) {
    return update(node)
  }
  const [index, ...rest] = path
  const children = Array.isArray(node.children) ? [...(node.children as unknown[])] : []
  const objects = children.filter(isNode)
  const target = objects[index ?? 0]
  if (!target) {
    return node
  }
  const position = children.indexOf(target)
  children[position] = updateAt(target, rest, update)
  return { ...node, children }
}

/**
 * `value` with a claimRef to `claimId` right after `sentence` (the first container holding it
 * that does not cite the claim yet). Nothing changes when the sentence is not found or already
 * cites the claim.
 */
export function insertClaimRef(value: unknown, input: InsertClaimRefInput): InsertClaimRefResult {
  if (!isLexicalValue(value)) {
    return { value, isInserted: false, wasCited: false }
  }
  const places = findPlaces(value.root, input)
  if (places.length === 0) {
    return { value, isInserted: false, wasCited: false }
  }
  const place = places.find((candidate) => !candidate.wasCited)
  if (!place) {
    return { value, isInserted: false, wasCited: true }
  }
  const inserted = claimRefNode(input.claimId, input.blockId)
  const root = updateAt(value.root, place.path, (container) => ({
    ...container,
    children: insertAt(childrenOf(container), place.end, inserted),
  }))
  return { value: { ...value, root }, isInserted: true, wasCited: false }
}

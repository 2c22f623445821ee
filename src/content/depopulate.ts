/**
 * What an anonymous read of a published article shows is what that article exposes — its stored
 * public set — and nothing else. Payload populates every relationship the reader may read, and a
 * document is readable when *any* published article exposes it: a benefit block that hides the
 * benefit's tips would still carry them, populated, while another article shows those tips. Such a
 * document is left as its id here, so an article's read depends on its own set only (and its
 * published snapshot, which is that read, moves exactly when its set or a document in it does).
 */
import type { FlattenedField, PayloadRequest } from 'payload'

import type { DocId } from '../shared/ids'
import type { PublicKind } from './kinds'

import { publicKindOf } from './kinds'

type AnyField = FlattenedField & {
  blocks?: { slug: string; flattenedFields: FlattenedField[] }[]
  flattenedFields?: FlattenedField[]
  relationTo?: string | string[]
}

type Exposed = Record<PublicKind, readonly DocId[]>

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Leaves in `doc` (a populated read of a document with `fields`) only the public documents `exposed` holds. */
export function depopulateToExposed(
  req: PayloadRequest,
  doc: Record<string, unknown>,
  fields: readonly FlattenedField[],
  exposed: Exposed,
): void {
  const allowed = new Map<string, Set<string>>()
  for (const [kind, ids] of Object.entries(exposed) as [PublicKind, readonly DocId[]][]) {
    allowed.set(kind, new Set(ids.map(String)))
  }
  const fieldsOf = (slug: string): FlattenedField[] | undefined =>
    (
      req.payload.collections as Record<
        string,
        { config: { flattenedFields: FlattenedField[] } } | undefined
      >
    )[slug]?.config.flattenedFields

  /** The related value as the reader may have it: populated and walked, or its id. */
  const related = (slug: string, value: unknown, depth: number): unknown => {
    if (!isObject(value) || value.id === undefined) {
      return value
    }
    const kind = publicKindOf(slug)
    // A populated document: its id is a document id.
    if (kind && !allowed.get(kind)?.has(String(value.id as DocId))) {
      return value.id
    }
    const inner = fieldsOf(slug)
    if (inner) {
      walk(value, inner, depth + 1)
    }
    return value
  }

  const relation = (field: AnyField, value: unknown, depth: number): unknown => {
    if (Array.isArray(field.relationTo)) {
      if (!isObject(value) || typeof value.relationTo !== 'string') {
        return value
      }
      return { ...value, value: related(value.relationTo, value.value, depth) }
    }
    return related(field.relationTo as string, value, depth)
  }

  /** Rich text: upload and relationship nodes carry `relationTo` and a populated `value`. */
  const lexical = (node: unknown, depth: number): void => {
    if (!isObject(node) || depth > 64) {
      return
    }
    if (typeof node.relationTo === 'string' && 'value' in node) {
      node.value = related(node.relationTo, node.value, depth)
    }
    if (Array.isArray(node.children)) {
      for (const child of node.children) {
        lexical(child, depth + 1)
      }
    }
    if (isObject(node.root)) {
      lexical(node.root, depth + 1)
    }
  }

  function walk(
    value: Record<string, unknown>,
    fields: readonly FlattenedField[],
    depth: number,
  ): void {
    if (depth > 8) {
      return
    }
    for (const field of fields as AnyField[]) {
      if (!('name' in field) || !(field.name in value)) {
        continue
      }
      const inner = value[field.name]
      if (inner === null || inner === undefined) {
        continue
      }
      switch (field.type) {
        case 'relationship':
        case 'upload':
          value[field.name] = Array.isArray(inner)
            ? inner.map((item) => relation(field, item, depth))
            : relation(field, inner, depth)
          break
        case 'group':
        case 'tab':
          if (isObject(inner)) {
            walk(inner, field.flattenedFields ?? [], depth)
          }
          break
        case 'array':
          if (Array.isArray(inner)) {
            for (const row of inner) {
              if (isObject(row)) {
                walk(row, field.flattenedFields ?? [], depth)
              }
            }
          }
          break
        case 'blocks':
          if (Array.isArray(inner)) {
            for (const block of inner) {
              const config = isObject(block)
                ? field.blocks?.find((candidate) => candidate.slug === block.blockType)
                : undefined
              if (config && isObject(block)) {
                walk(block, config.flattenedFields, depth)
              }
            }
          }
          break
        case 'richText':
          lexical(inner, depth)
          break
        default:
          break
      }
    }
  }

  walk(doc, fields, 0)
}

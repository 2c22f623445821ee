/**
 * Document ids: one type and one parser for relationship values, one for ids typed by people.
 * A leaf every layer may import (pure, no Payload import).
 */

/** A document id as Payload returns it: a number on PostgreSQL, a string on other adapters. */
export type DocId = number | string

const isDocId = (value: unknown): value is DocId =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '')

/**
 * The id of a relationship value — `12`, `'12'`, `{ id: 12, … }` (populated) or
 * `{ relationTo, value }` (polymorphic) — or undefined.
 */
export function relationId(value: unknown): DocId | undefined {
  if (isDocId(value)) {
    return value
  }
  if (value && typeof value === 'object') {
    if ('relationTo' in value && 'value' in value) {
      return relationId((value as { value: unknown }).value)
    }
    if ('id' in value) {
      const id = (value as { id: unknown }).id
      if (isDocId(id)) {
        return id
      }
    }
  }
  return undefined
}

/** The ids of a relationship value (one or many), in order, without duplicates. */
export function relationIds(value: unknown): DocId[] {
  const values = Array.isArray(value) ? value : [value]
  const seen = new Set<string>()
  const ids: DocId[] = []
  for (const item of values) {
    const id = relationId(item)
    if (id === undefined || seen.has(String(id))) {
      continue
    }
    seen.add(String(id))
    ids.push(id)
  }
  return ids
}

/**
 * An id typed by someone (a route segment, a query parameter, a GraphQL argument): exactly a
 * positive integer — this schema's ids — or undefined. Nothing is coerced: `42 OR 1=1` and `4.2`
 * are not ids (Payload's own `parseFloat` would read both as numbers).
 */
export function parseDocId(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value > 0 ? value : undefined
  }
  if (typeof value !== 'string' || !/^[1-9]\d{0,15}$/.test(value)) {
    return undefined
  }
  const id = Number(value)
  return Number.isSafeInteger(id) ? id : undefined
}

export const sameId = (a: unknown, b: unknown): boolean => {
  const left = relationId(a)
  const right = relationId(b)
  return left !== undefined && right !== undefined && String(left) === String(right)
}

/** The values of `ids` without repeats (compared as strings), first occurrence kept. */
export function uniqueIds<T extends DocId>(ids: readonly T[]): T[] {
  const seen = new Set<string>()
  return ids.filter((id) => !seen.has(String(id)) && Boolean(seen.add(String(id))))
}

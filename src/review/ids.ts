/** Ids of related documents, whether a relationship came back as an id or populated. */
export type DocId = number | string

const isDocId = (value: unknown): value is DocId =>
  (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value !== '')

/** The id of a relationship value (`12`, `'12'` or `{ id: 12, … }`), or undefined. */
export function relationId(value: unknown): DocId | undefined {
  if (isDocId(value)) return value
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id
    if (isDocId(id)) return id
  }
  return undefined
}

/** The ids of a hasMany relationship value, in order, without duplicates. */
export function relationIds(value: unknown): DocId[] {
  if (!Array.isArray(value)) {
    const one = relationId(value)
    return one === undefined ? [] : [one]
  }
  const ids: DocId[] = []
  for (const item of value) {
    const id = relationId(item)
    if (id !== undefined && !ids.some((seen) => String(seen) === String(id))) ids.push(id)
  }
  return ids
}

/** Route and GraphQL ids arrive as strings; Postgres ids are numbers. */
export function parseDocId(value: unknown): DocId | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const trimmed = value.trim()
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed
}

export const sameId = (a: unknown, b: unknown): boolean => {
  const left = relationId(a)
  const right = relationId(b)
  return left !== undefined && right !== undefined && String(left) === String(right)
}

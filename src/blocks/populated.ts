/** A relationship value as a populated document, or undefined when it came back as an id. */
export function populated<T extends object>(
  value: number | string | T | null | undefined,
): T | undefined {
  return typeof value === 'object' && value !== null ? value : undefined
}

/** The populated documents of a hasMany relationship value. */
export function populatedList<T extends object>(
  values: (number | string | T)[] | null | undefined,
): T[] {
  return (values ?? [])
    .map((value) => populated(value))
    .filter((value): value is T => value !== undefined)
}

/** The id of a relationship value, populated or not. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'string') {
    return String(value)
  }
  if (typeof value === 'object' && value !== null && 'id' in value) {
    return String((value as { id: unknown }).id)
  }
  return undefined
}

import type { CollectionBeforeOperationHook, CollectionConfig, FlattenedField, PayloadRequest, Where } from 'payload'

import { ValidationError } from 'payload'

import { parseDocId } from '../../shared/ids'

/**
 * A `where` is checked against the fields it names before Payload builds SQL from it: an operator
 * the field's type does not support, or a value the field cannot hold (an option it does not
 * have, text where a number or id belongs, a date that is no date), is a 400 saying which —
 * Payload passes them to the database, which answers with an error Payload turns into a 500.
 *
 * Paths Payload cannot resolve are left to Payload (it answers 400 itself); paths through a
 * relationship are checked against the related collection's fields.
 */

type AnyField = FlattenedField & {
  blocks?: { flattenedFields: FlattenedField[] }[]
  flattenedFields?: FlattenedField[]
  hasMany?: boolean
  options?: (string | { value: string })[]
  relationTo?: string | string[]
}
type Problem = { path: string; message: string }

const IDENTITY = ['equals', 'not_equals', 'in', 'not_in', 'exists'] as const
const TEXT = [...IDENTITY, 'like', 'not_like', 'contains'] as const
const ORDERED = [...IDENTITY, 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'] as const

/** The operators each field type supports (Payload's operators that its PostgreSQL adapter can run). */
function operatorsOf(field: AnyField): readonly string[] {
  const many = field.hasMany ? ['all'] : []
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return [...TEXT, ...many]
    case 'number':
      return [...ORDERED, ...many]
    case 'date':
      return ORDERED
    case 'checkbox':
      return ['equals', 'not_equals', 'exists']
    case 'select':
    case 'radio':
    case 'relationship':
    case 'upload':
      return [...IDENTITY, ...many]
    case 'point':
      return ['equals', 'not_equals', 'exists', 'near', 'within', 'intersects']
    case 'json':
    case 'richText':
      return ['equals', 'not_equals', 'exists', 'like', 'not_like', 'contains', 'in', 'not_in']
    default:
      return ORDERED
  }
}

/** A `where` path segment by segment, to the field it ends on, or undefined when it leaves the schema. */
function resolve(fields: readonly FlattenedField[], segments: string[], req: PayloadRequest): AnyField | undefined {
  const [head, ...rest] = segments
  if (head === undefined) return undefined
  const field = (fields as AnyField[]).find((candidate) => 'name' in candidate && candidate.name === head)
  if (!field) return head === 'id' && rest.length === 0 ? ({ name: 'id', type: 'number' } as AnyField) : undefined
  if (rest.length === 0) return field
  switch (field.type) {
    case 'group':
    case 'tab':
    case 'array':
      return resolve(field.flattenedFields ?? [], rest, req)
    case 'blocks': {
      for (const block of field.blocks ?? []) {
        const found = resolve(block.flattenedFields, rest, req)
        if (found) return found
      }
      return undefined
    }
    case 'relationship':
    case 'upload': {
      if (typeof field.relationTo !== 'string') return undefined
      const related = (req.payload.collections as Record<string, { config: { flattenedFields: FlattenedField[] } } | undefined>)[field.relationTo]?.config.flattenedFields
      return related ? resolve(related, rest, req) : undefined
    }
    default:
      return undefined
  }
}

const isNumeric = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))

const isBooleanish = (value: unknown): boolean => typeof value === 'boolean' || value === 'true' || value === 'false'

/** Why `value` cannot be compared with `field`, if it cannot. */
function valueProblem(field: AnyField, value: unknown): string | undefined {
  if (value === null) return undefined
  if (typeof value === 'object') return 'takes a single value here, not a list or an object'
  switch (field.type) {
    case 'number':
      return isNumeric(value) ? undefined : `is a number field: ${JSON.stringify(value)} is not a number`
    case 'date':
      return (typeof value === 'string' || typeof value === 'number') && !Number.isNaN(new Date(value).getTime())
        ? undefined
        : `is a date field: ${JSON.stringify(value)} is not a date (use e.g. 2026-01-31)`
    case 'checkbox':
      return isBooleanish(value) ? undefined : `is true or false: ${JSON.stringify(value)} is neither`
    case 'select':
    case 'radio': {
      const allowed = (field.options ?? []).map((option) => (typeof option === 'string' ? option : option.value))
      return allowed.includes(String(value)) ? undefined : `has no option ${JSON.stringify(value)}; its options are: ${allowed.join(', ')}`
    }
    case 'relationship':
    case 'upload':
      if (Array.isArray(field.relationTo)) return undefined
      return parseDocId(value) !== undefined ? undefined : `takes a document id: ${JSON.stringify(value)} is not one`
    default:
      return undefined
  }
}

function checkCondition(field: AnyField, path: string, operator: string, value: unknown, problems: Problem[]): void {
  const supported = operatorsOf(field)
  if (!supported.includes(operator)) {
    // Unknown operators are Payload's to refuse; a known one on the wrong field type is ours.
    if (KNOWN_OPERATORS.has(operator)) {
      problems.push({ path, message: `“${path}” cannot be filtered with “${operator}”: a ${field.type} field supports ${supported.join(', ')}.` })
    }
    return
  }
  if (operator === 'exists') {
    if (!isBooleanish(value)) problems.push({ path, message: `“${path}” with “exists” takes true or false, not ${JSON.stringify(value)}.` })
    return
  }
  if (field.type === 'point' || field.type === 'json' || field.type === 'richText') return
  if (['like', 'not_like', 'contains'].includes(operator)) {
    if (typeof value === 'object' && value !== null) problems.push({ path, message: `“${path}” with “${operator}” takes text.` })
    return
  }
  const values =
    operator === 'in' || operator === 'not_in' || operator === 'all'
      ? Array.isArray(value)
        ? value
        : typeof value === 'string'
          ? value.split(',')
          : [value]
      : [value]
  if (values.length > MAX_WHERE_LIST) {
    problems.push({ path, message: `“${path}” with “${operator}” lists ${values.length} values; at most ${MAX_WHERE_LIST} are allowed.` })
    return
  }
  const isId = field.name === 'id' && !('relationTo' in field)
  for (const item of values) {
    const problem = isId
      ? parseDocId(item) === undefined && item !== null
        ? `is a document id: ${JSON.stringify(item)} is not one`
        : undefined
      : valueProblem(field, item)
    if (problem) {
      problems.push({ path, message: `“${path}” ${problem}.` })
      return
    }
  }
}

const KNOWN_OPERATORS = new Set([
  'equals', 'contains', 'not_equals', 'in', 'all', 'not_in', 'exists', 'greater_than', 'greater_than_equal',
  'less_than', 'less_than_equal', 'like', 'not_like', 'within', 'intersects', 'near',
])

/** Fields every version of a document has, next to `version.…`. */
const VERSION_FIELDS: AnyField[] = [
  { name: 'parent', type: 'number' } as AnyField,
  { name: 'latest', type: 'checkbox' } as AnyField,
  { name: 'autosave', type: 'checkbox' } as AnyField,
  { name: 'createdAt', type: 'date' } as AnyField,
  { name: 'updatedAt', type: 'date' } as AnyField,
]

function checkWhere(where: unknown, fields: readonly FlattenedField[], req: PayloadRequest, problems: Problem[], depth = 0): void {
  if (!where || typeof where !== 'object' || depth > 32) return
  for (const [key, condition] of Object.entries(where as Record<string, unknown>)) {
    if (key === 'and' || key === 'or') {
      for (const inner of Array.isArray(condition) ? condition : Object.values(condition ?? {})) {
        checkWhere(inner, fields, req, problems, depth + 1)
      }
      continue
    }
    if (!condition || typeof condition !== 'object') continue
    const segments = key.split('.')
    // Payload runs version queries as reads too: `version.…` and a version's own fields.
    const field =
      resolve(fields, segments, req) ??
      (segments[0] === 'version' ? resolve(fields, segments.slice(1), req) : resolve(VERSION_FIELDS, segments, req))
    if (!field) continue
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      checkCondition(field, key, operator, value, problems)
    }
  }
}

/** The most conditions one `where` may hold, and the most values an `in`, `not_in` or `all` list may. */
export const MAX_WHERE_CONDITIONS = 100
export const MAX_WHERE_LIST = 1000

/** Conditions (path and operator pairs) in `where`, counting into `and`/`or`. */
function conditionsIn(where: unknown, depth = 0): number {
  if (!where || typeof where !== 'object' || depth > 32) return 0
  let count = 0
  for (const [key, condition] of Object.entries(where as Record<string, unknown>)) {
    if (key === 'and' || key === 'or') {
      for (const inner of Array.isArray(condition) ? condition : Object.values(condition ?? {})) count += conditionsIn(inner, depth + 1)
    } else {
      count += condition && typeof condition === 'object' ? Object.keys(condition).length : 1
    }
  }
  return count
}

const WHERE_OPERATIONS = new Set(['read', 'count', 'countVersions', 'readDistinct', 'update', 'delete'])

/** Refuses a `where` that names a field with an operator or value it cannot take (400, with the path). */
export const validateWhere: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (!WHERE_OPERATIONS.has(operation)) return args
  const where = (args as { where?: Where }).where
  if (!where) return args
  const problems: Problem[] = []
  const conditions = conditionsIn(where)
  if (conditions > MAX_WHERE_CONDITIONS) {
    problems.push({ path: 'where', message: `This query has ${conditions} conditions; at most ${MAX_WHERE_CONDITIONS} are allowed.` })
  } else {
    checkWhere(where, collection.flattenedFields, req, problems)
  }
  if (problems.length > 0) {
    throw new ValidationError({ collection: collection.slug, errors: problems, req }, req.t)
  }
  return args
}

/** Puts {@link validateWhere} first on a collection. */
export function withWhereValidation(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return { ...collection, hooks: { ...hooks, beforeOperation: [validateWhere, ...(hooks.beforeOperation ?? [])] } }
}

import type {
  CollectionBeforeOperationHook,
  CollectionSlug,
  FlattenedField,
  PayloadRequest,
  Where,
} from 'payload'

import { ValidationError } from 'payload'

import { parseDocId } from '../../shared/ids'

/**
 * What a caller asks Payload to read is checked before Payload builds SQL from it.
 *
 * A `where` is checked against the fields it names: an operator
 * the field's type does not support, or a value the field cannot hold (an option it does not
 * have, text where a number or id belongs, a date that is no date), is a 400 saying which —
 * Payload passes them to the database, which answers with an error Payload turns into a 500.
 *
 * Paths Payload cannot resolve are left to Payload (it answers 400 itself); paths through a
 * relationship are checked against the related collection's fields.
 *
 * And a read's cost is bounded (see `scripts/bench/queries.ts`, which found these classes): a
 * `sort` must name a column of the document's own row (top-level or in a group) — sorting through
 * an array, blocks or a relationship makes PostgreSQL join and group every row of the nested
 * tables before it can take the first page, and no frontend or admin view needs it; and a caller
 * reads at most {@link MAX_LIMIT} documents a page, at most {@link MAX_POPULATED_LIMIT} on a page
 * populated to `depth` 1 or more (Payload's default is 2), and every document at once
 * (`limit=0`, `pagination=false`) not at all. Payload's own population (`depth`) and
 * the server's Local API calls are not callers and are not bounded.
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
const ORDERED = [
  ...IDENTITY,
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
] as const

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
    // Rich text and JSON are documents, not values: PostgreSQL cannot compare or search them as
    // Payload asks it to (a 500). Whether they are set is all a query can ask.
    case 'json':
    case 'richText':
      return ['exists']
    default:
      return ORDERED
  }
}

/** A `where` path segment by segment, to the field it ends on, or undefined when it leaves the schema. */
function resolve(
  fields: readonly FlattenedField[],
  segments: string[],
  req: PayloadRequest,
): AnyField | undefined {
  const [head, ...rest] = segments
  if (head === undefined) {
    return undefined
  }
  const field = (fields as AnyField[]).find(
    (candidate) => 'name' in candidate && candidate.name === head,
  )
  if (!field) {
    return head === 'id' && rest.length === 0
      ? ({ name: 'id', type: 'number' } as AnyField)
      : undefined
  }
  if (rest.length === 0) {
    return field
  }
  switch (field.type) {
    case 'group':
    case 'tab':
    case 'array':
      return resolve(field.flattenedFields ?? [], rest, req)
    case 'blocks': {
      for (const block of field.blocks ?? []) {
        const found = resolve(block.flattenedFields, rest, req)
        if (found) {
          return found
        }
      }
      return undefined
    }
    case 'relationship':
    case 'upload': {
      if (typeof field.relationTo !== 'string') {
        return undefined
      }
      const related = (
        req.payload.collections as Record<
          string,
          { config: { flattenedFields: FlattenedField[] } } | undefined
        >
      )[field.relationTo]?.config.flattenedFields
      return related ? resolve(related, rest, req) : undefined
    }
    default:
      return undefined
  }
}

const isNumeric = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))

const isBooleanish = (value: unknown): boolean =>
  typeof value === 'boolean' || value === 'true' || value === 'false'

/** Why `value` cannot be compared with `field`, if it cannot. */
function valueProblem(field: AnyField, value: unknown): string | undefined {
  if (value === null) {
    return undefined
  }
  if (typeof value === 'object') {
    return 'takes a single value here, not a list or an object'
  }
  switch (field.type) {
    case 'number':
      return isNumeric(value)
        ? undefined
        : `is a number field: ${JSON.stringify(value)} is not a number`
    case 'date':
      return (typeof value === 'string' || typeof value === 'number') &&
        !Number.isNaN(new Date(value).getTime())
        ? undefined
        : `is a date field: ${JSON.stringify(value)} is not a date (use e.g. 2026-01-31)`
    case 'checkbox':
      return isBooleanish(value)
        ? undefined
        : `is true or false: ${JSON.stringify(value)} is neither`
    case 'select':
    case 'radio': {
      const allowed = (field.options ?? []).map((option) =>
        typeof option === 'string' ? option : option.value,
      )
      // Neither null nor an object (both answered above): a primitive.
      return allowed.includes(
        String(value as bigint | boolean | number | string | symbol | undefined),
      )
        ? undefined
        : `has no option ${JSON.stringify(value)}; its options are: ${allowed.join(', ')}`
    }
    case 'relationship':
    case 'upload':
      if (Array.isArray(field.relationTo)) {
        return undefined
      }
      return parseDocId(value) !== undefined
        ? undefined
        : `takes a document id: ${JSON.stringify(value)} is not one`
    default:
      return undefined
  }
}

function checkCondition(
  field: AnyField,
  path: string,
  operator: string,
  value: unknown,
  problems: Problem[],
  population = false,
): void {
  const supported = operatorsOf(field)
  if (!supported.includes(operator)) {
    // Unknown operators are Payload's to refuse; a known one on the wrong field type is ours.
    if (KNOWN_OPERATORS.has(operator)) {
      problems.push({
        path,
        message: `“${path}” cannot be filtered with “${operator}”: a ${field.type} field supports ${supported.join(', ')}.`,
      })
    }
    return
  }
  if (operator === 'exists') {
    if (!isBooleanish(value)) {
      problems.push({
        path,
        message: `“${path}” with “exists” takes true or false, not ${JSON.stringify(value)}.`,
      })
    }
    return
  }
  if (field.type === 'point' || field.type === 'json' || field.type === 'richText') {
    return
  }
  if (['like', 'not_like', 'contains'].includes(operator)) {
    if (typeof value === 'object' && value !== null) {
      problems.push({ path, message: `“${path}” with “${operator}” takes text.` })
    }
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
  // Payload's population asks for every related id a page holds at once (they are stored ids).
  if (values.length > MAX_WHERE_LIST && !population) {
    problems.push({
      path,
      message: `“${path}” with “${operator}” lists ${values.length} values; at most ${MAX_WHERE_LIST} are allowed.`,
    })
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
  'equals',
  'contains',
  'not_equals',
  'in',
  'all',
  'not_in',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'within',
  'intersects',
  'near',
])

/** Fields every version of a document has, next to `version.…`. */
const VERSION_FIELDS: AnyField[] = [
  { name: 'parent', type: 'number' } as AnyField,
  { name: 'latest', type: 'checkbox' } as AnyField,
  { name: 'autosave', type: 'checkbox' } as AnyField,
  { name: 'createdAt', type: 'date' } as AnyField,
  { name: 'updatedAt', type: 'date' } as AnyField,
]

function checkWhere(
  where: unknown,
  fields: readonly FlattenedField[],
  req: PayloadRequest,
  problems: Problem[],
  depth = 0,
  population = false,
): void {
  if (!where || typeof where !== 'object' || depth > 32) {
    return
  }
  for (const [key, condition] of Object.entries(where as Record<string, unknown>)) {
    if (key === 'and' || key === 'or') {
      for (const inner of Array.isArray(condition) ? condition : Object.values(condition ?? {})) {
        checkWhere(inner, fields, req, problems, depth + 1, population)
      }
      continue
    }
    if (!condition || typeof condition !== 'object') {
      continue
    }
    const segments = key.split('.')
    // Payload runs version queries as reads too: `version.…` and a version's own fields.
    const field =
      resolve(fields, segments, req) ??
      (segments[0] === 'version'
        ? resolve(fields, segments.slice(1), req)
        : resolve(VERSION_FIELDS, segments, req))
    if (!field) {
      continue
    }
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      checkCondition(field, key, operator, value, problems, population)
    }
  }
}

/** The most conditions one `where` may hold, and the most values an `in`, `not_in` or `all` list may. */
export const MAX_WHERE_CONDITIONS = 100
export const MAX_WHERE_LIST = 1000

/** Conditions (path and operator pairs) in `where`, counting into `and`/`or`. */
function conditionsIn(where: unknown, depth = 0): number {
  if (!where || typeof where !== 'object' || depth > 32) {
    return 0
  }
  let count = 0
  for (const [key, condition] of Object.entries(where as Record<string, unknown>)) {
    if (key === 'and' || key === 'or') {
      for (const inner of Array.isArray(condition) ? condition : Object.values(condition ?? {})) {
        count += conditionsIn(inner, depth + 1)
      }
    } else {
      count += condition && typeof condition === 'object' ? Object.keys(condition).length : 1
    }
  }
  return count
}

/** The most documents one page may hold for a caller who is not logged in (the frontend lists ask for 100). */
export const MAX_ANONYMOUS_LIMIT = 100
/** The most documents one page may hold for a logged-in caller (the admin's list views offer up to 100). */
export const MAX_LIMIT = 100
/**
 * The most documents a page populated to `depth` 1 or more may hold: each article populates some
 * sixty documents (benefits, tips, rows, claims, sources) at depth 2. Payload's default depth is 2.
 */
export const MAX_POPULATED_LIMIT = 25

/** Field types whose value is one column of the document's row, which PostgreSQL can sort on (and index). */
const SORTABLE = new Set([
  'text',
  'textarea',
  'email',
  'code',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'relationship',
  'upload',
])

/** Why a read may not sort on `path` (top-level or group columns only), if it may not. */
function sortProblem(fields: readonly FlattenedField[], path: string): string | undefined {
  const segments = path.split('.')
  // Version reads (Payload runs them as reads too) sort on `version.…` and the version's own columns.
  const versions =
    segments[0] === 'version' &&
    segments.length > 1 &&
    !fields.some((field) => 'name' in field && field.name === 'version')
  let current = fields as AnyField[]
  const walked: string[] = []
  for (const [index, segment] of (versions ? segments.slice(1) : segments).entries()) {
    walked.push(segment)
    const field = current.find((candidate) => 'name' in candidate && candidate.name === segment)
    // Unknown paths are Payload's to refuse (it answers 400 naming them).
    if (!field) {
      return undefined
    }
    const last = index === (versions ? segments.length - 2 : segments.length - 1)
    const at = (versions ? ['version', ...walked] : walked).join('.')
    if ((field as { virtual?: unknown }).virtual) {
      return `“${path}” cannot be sorted on: “${at}” is computed when a document is read, not stored.`
    }
    if (field.type === 'group' || field.type === 'tab') {
      if (last) {
        return `“${path}” cannot be sorted on: it is a group; sort by one of its fields.`
      }
      current = (field.flattenedFields ?? []) as AnyField[]
      continue
    }
    if (field.type === 'array' || field.type === 'blocks') {
      return `“${path}” cannot be sorted on: it goes through the ${field.type === 'array' ? 'array' : 'blocks'} “${at}” (many rows per document); sort by a field of the document itself.`
    }
    if (field.type === 'relationship' || field.type === 'upload') {
      if (field.hasMany || Array.isArray(field.relationTo)) {
        return `“${path}” cannot be sorted on: “${at}” holds several documents; sort by a field of the document itself.`
      }
      if (!last) {
        return `“${path}” cannot be sorted on: it goes through the relationship “${at}” into another collection; sort by a field of the document itself.`
      }
      return undefined
    }
    if (!last) {
      return undefined
    }
    return SORTABLE.has(field.type)
      ? undefined
      : `“${path}” cannot be sorted on: a ${field.type} field has no order; sort by a text, number, date or select field.`
  }
  return undefined
}

const sortPaths = (sort: unknown): string[] =>
  (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [])
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.trim().replace(/^[-+]/, ''))
    .filter((item) => item !== '')

interface ReadArgs {
  where?: Where
  depth?: unknown
  page?: unknown
  sort?: unknown
  limit?: unknown
  pagination?: unknown
  currentDepth?: number
  disableErrors?: boolean
  overrideAccess?: boolean
}

/** A page bigger than the caller may read, or no page at all. */
function limitProblem(args: ReadArgs, req: PayloadRequest): Problem | undefined {
  const anonymous = !req.user
  const max = anonymous ? MAX_ANONYMOUS_LIMIT : MAX_LIMIT
  const limit =
    args.limit === undefined || args.limit === null || args.limit === ''
      ? undefined
      : Number(args.limit)
  // A logged-in caller's custom endpoints (the review events CSV) read every row with
  // `pagination: false`; from the REST query string it is the caller asking.
  const asked = req.query ?? {}
  const unbounded = args.pagination === false || args.pagination === 'false' || limit === 0
  // (Payload's REST handlers parse the query string in place: `false` and `0` by then.)
  const askedUnbounded =
    asked.pagination === false ||
    asked.pagination === 'false' ||
    ('limit' in asked && Number(asked.limit) === 0)
  if (unbounded && (anonymous || askedUnbounded)) {
    return {
      path: args.pagination === false || args.pagination === 'false' ? 'pagination' : 'limit',
      message: `Every document at once cannot be read: ask for pages of at most ${max} (\`limit\` and \`page\`).`,
    }
  }
  if (limit !== undefined && Number.isFinite(limit) && limit > max) {
    return {
      path: 'limit',
      message: `“limit” is ${limit}; a page holds at most ${max} documents${anonymous ? ' for a reader who is not logged in' : ''} (ask for the next with \`page\`).`,
    }
  }
  return undefined
}

/**
 * A page populated to `depth` 1 or more of more than {@link MAX_POPULATED_LIMIT} documents. Only
 * a page that would hold that many is refused: the documents the `where` matches are counted
 * first (one indexed count, only for such pages), so `limit=100` over a handful still answers.
 */
async function populatedPageProblem(
  args: ReadArgs,
  collection: string,
  req: PayloadRequest,
): Promise<Problem | undefined> {
  const depth =
    args.depth === undefined || args.depth === null || args.depth === ''
      ? (req.payload.config.defaultDepth ?? 2)
      : Number(args.depth)
  const limit =
    args.limit === undefined || args.limit === null || args.limit === '' ? 10 : Number(args.limit)
  if (
    !Number.isFinite(depth) ||
    depth <= 0 ||
    !Number.isFinite(limit) ||
    limit <= MAX_POPULATED_LIMIT
  ) {
    return undefined
  }
  const page = Math.max(1, Number(args.page) || 1)
  let matching = Infinity
  try {
    const { totalDocs } = await req.payload.count({
      collection: collection as CollectionSlug,
      where: args.where,
      overrideAccess: false,
      user: req.user,
      req,
    })
    matching = totalDocs
  } catch {
    // A `where` the documents cannot be counted with (a version read's `parent`): counted as many.
  }
  const onPage = Math.min(limit, Math.max(0, matching - (page - 1) * limit))
  if (onPage <= MAX_POPULATED_LIMIT) {
    return undefined
  }
  return {
    path: 'limit',
    message: `“limit” is ${limit} at depth ${depth}; a page populated to depth 1 or more holds at most ${MAX_POPULATED_LIMIT} documents (ask for depth=0, or pages of ${MAX_POPULATED_LIMIT}).`,
  }
}

const WHERE_OPERATIONS = new Set([
  'read',
  'count',
  'countVersions',
  'readDistinct',
  'update',
  'delete',
])
/** Reads of documents and of versions (Payload names both `read` to its hooks). */
const READ_OPERATIONS = new Set(['read'])

/**
 * Refuses a `where` that names a field with an operator or value it cannot take, and a read that
 * sorts through many rows or asks for an unbounded page (400, with the path).
 */
export const validateWhere: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (!WHERE_OPERATIONS.has(operation)) {
    return args
  }
  const read = args as ReadArgs
  // Payload populating relationships (`depth`) reads by stored ids, as many as a page holds.
  const population = (read.currentDepth ?? 0) > 0 || read.disableErrors === true
  // Bounded: what a REST or GraphQL caller asks for. The server's own Local API reads (snapshots
  // read as anonymous, every row at once) are not.
  const bounded =
    READ_OPERATIONS.has(operation) &&
    !population &&
    req.payloadAPI !== 'local' &&
    overrideAccess !== true &&
    read.overrideAccess !== true
  const where = read.where
  const problems: Problem[] = []
  if (where) {
    const conditions = conditionsIn(where)
    if (conditions > MAX_WHERE_CONDITIONS) {
      problems.push({
        path: 'where',
        message: `This query has ${conditions} conditions; at most ${MAX_WHERE_CONDITIONS} are allowed.`,
      })
    } else {
      checkWhere(where, collection.flattenedFields, req, problems, 0, population)
    }
  }
  if (bounded) {
    for (const path of sortPaths(read.sort)) {
      const message = sortProblem(collection.flattenedFields, path)
      if (message) {
        problems.push({ path, message })
      }
    }
    const problem = limitProblem(read, req)
    if (problem) {
      problems.push(problem)
    } else if (problems.length === 0) {
      const populated = await populatedPageProblem(read, collection.slug, req)
      if (populated) {
        problems.push(populated)
      }
    }
  }
  if (problems.length > 0) {
    throw new ValidationError({ collection: collection.slug, errors: problems, req }, req.t)
  }
  return args
}

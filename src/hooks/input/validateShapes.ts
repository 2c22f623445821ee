import type { CollectionBeforeOperationHook, FlattenedField, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import { parseDocId } from '../../shared/ids'

/** The longest text a plain text field takes (a title of a megabyte is a mistake or an attack). */
export const MAX_TEXT_LENGTH = 10_000
/** The longest textarea. */
export const MAX_TEXTAREA_LENGTH = 100_000
/** How deep a rich text or JSON value may nest (the admin's editor never goes past a dozen). */
export const MAX_NESTING = 64
/** The largest rich text or JSON value, serialised. */
export const MAX_JSON_BYTES = 1_000_000

type Problem = { path: string; message: string }
type AnyField = FlattenedField & {
  blocks?: { slug: string; flattenedFields: FlattenedField[] }[]
  flattenedFields?: FlattenedField[]
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
const NUL = /\0/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function checkString(value: string, path: string, max: number, problems: Problem[]): void {
  if (value.length > max) {
    problems.push({
      path,
      message: `This text is too long (${value.length.toLocaleString('en')} characters; at most ${max.toLocaleString('en')}).`,
    })
  } else if (NUL.test(value)) {
    problems.push({
      path,
      message:
        'This text contains a NUL character, which cannot be stored. Remove it and save again.',
    })
  } else if (LONE_SURROGATE.test(value)) {
    problems.push({
      path,
      message:
        'This text contains a broken character (a lone UTF-16 surrogate). Retype the text around it.',
    })
  }
}

/**
 * A JSON value (rich text, JSON fields) as it will be stored: without `__proto__`, `constructor`
 * or `prototype` keys, no deeper than {@link MAX_NESTING}, with sound strings.
 */
function cleanJson(value: unknown, path: string, problems: Problem[], depth = 0): unknown {
  if (depth > MAX_NESTING) {
    // Reported once per field; what lies deeper is not read (nor kept: the write is refused).
    if (!problems.some((problem) => problem.path === path && problem.message.includes('nested'))) {
      problems.push({
        path,
        message: `This content is nested more than ${MAX_NESTING} levels deep.`,
      })
    }
    return null
  }
  if (typeof value === 'string') {
    checkString(value, path, MAX_TEXTAREA_LENGTH, problems)
    return value
  }
  if (Array.isArray(value)) {
    return value.map((item) => cleanJson(item, path, problems, depth + 1))
  }
  if (isObject(value)) {
    const clean: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        continue
      }
      clean[key] = cleanJson(inner, path, problems, depth + 1)
    }
    return clean
  }
  return value
}

const isId = (value: unknown): boolean => parseDocId(value) !== undefined

type RichTextValue = { root: { children: unknown[] } }
type LexicalEditor = {
  editorConfig?: {
    resolvedFeatureMap?: Map<string, { nodes?: { node: { getType: () => string } }[] }>
  }
}

/** Nodes every Lexical editor has, whatever its features. */
const CORE_NODE_TYPES = ['root', 'paragraph', 'text', 'linebreak', 'tab']
const nodeTypesByEditor = new WeakMap<object, Set<string> | undefined>()

/** The node types a rich text field's editor can show, or undefined for an editor that is not Lexical. */
function nodeTypesOf(field: AnyField): Set<string> | undefined {
  const editor = ('editor' in field ? field.editor : undefined) as LexicalEditor | undefined
  if (!editor || typeof editor !== 'object') {
    return undefined
  }
  if (!nodeTypesByEditor.has(editor)) {
    const features = editor.editorConfig?.resolvedFeatureMap
    nodeTypesByEditor.set(
      editor,
      features
        ? new Set([
            ...CORE_NODE_TYPES,
            ...[...features.values()].flatMap((feature) =>
              (feature.nodes ?? []).map(({ node }) => node.getType()),
            ),
          ])
        : undefined,
    )
  }
  return nodeTypesByEditor.get(editor)
}

/** Every node of a rich text value is one its editor knows (an unknown one would be stored and served as is). */
function checkNodeTypes(
  field: AnyField,
  value: RichTextValue,
  path: string,
  problems: Problem[],
): void {
  const known = nodeTypesOf(field)
  if (!known) {
    return
  }
  const visit = (node: unknown, at: string, depth: number): boolean => {
    if (depth > MAX_NESTING || !isObject(node)) {
      return true
    }
    if (typeof node.type !== 'string' || !known.has(node.type)) {
      problems.push({
        path,
        message: `This text contains an element of unknown type ${JSON.stringify(node.type)} (at ${at}); the editor has: ${[...known].sort().join(', ')}.`,
      })
      return false
    }
    if (!Array.isArray(node.children)) {
      return true
    }
    return node.children.every((child, index) => visit(child, `${at}.children.${index}`, depth + 1))
  }
  visit(value.root, 'root', 0)
}

function isRelationValue(value: unknown, polymorphic: boolean): boolean {
  if (value === null) {
    return true
  }
  if (polymorphic) {
    return (
      isObject(value) && typeof value.relationTo === 'string' && isRelationValue(value.value, false)
    )
  }
  return isId(value) || (isObject(value) && isId(value.id))
}

const isRowCount = (value: unknown): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0

const optionValues = (field: AnyField): string[] =>
  'options' in field && Array.isArray(field.options)
    ? field.options.map((option) => (typeof option === 'string' ? option : option.value))
    : []

/** Checks (and cleans) `data` against `fields`, collecting a problem per field path. */
function checkFields(
  fields: AnyField[],
  data: Record<string, unknown>,
  prefix: string,
  problems: Problem[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data }
  for (const key of Object.keys(out)) {
    if (FORBIDDEN_KEYS.has(key)) {
      delete out[key]
    }
  }
  for (const field of fields) {
    if (!('name' in field) || !(field.name in out)) {
      continue
    }
    const value = out[field.name]
    const path = `${prefix}${field.name}`
    if (value === null || value === undefined) {
      continue
    }
    const wrong = (expected: string) =>
      problems.push({ path, message: `This field must be ${expected}.` })
    switch (field.type) {
      case 'text':
      case 'textarea':
      case 'email':
      case 'code': {
        const max =
          field.type === 'text' || field.type === 'email' ? MAX_TEXT_LENGTH : MAX_TEXTAREA_LENGTH
        const values = 'hasMany' in field && field.hasMany ? value : [value]
        if (!Array.isArray(values) || values.some((item) => typeof item !== 'string')) {
          wrong('text')
          break
        }
        for (const item of values as string[]) {
          checkString(item, path, max, problems)
        }
        break
      }
      case 'number': {
        const values = 'hasMany' in field && field.hasMany ? value : [value]
        const numeric = (item: unknown) =>
          (typeof item === 'number' && Number.isFinite(item)) ||
          (typeof item === 'string' && item.trim() !== '' && Number.isFinite(Number(item)))
        if (!Array.isArray(values) || !values.every(numeric)) {
          wrong('a number')
        }
        break
      }
      case 'checkbox':
        if (typeof value !== 'boolean') {
          wrong('true or false')
        }
        break
      case 'date':
        if (
          !(
            (typeof value === 'string' && !Number.isNaN(Date.parse(value))) ||
            value instanceof Date
          )
        ) {
          wrong('a date, such as 2026-01-31')
        }
        break
      case 'select': {
        const values = field.hasMany ? value : [value]
        const allowed = optionValues(field)
        if (!Array.isArray(values) || values.some((item) => typeof item !== 'string')) {
          wrong(`one of: ${allowed.join(', ')}`)
        } else if (values.some((item) => !allowed.includes(item as string))) {
          wrong(`one of: ${allowed.join(', ')}`)
        }
        break
      }
      case 'relationship':
      case 'upload': {
        const polymorphic = Array.isArray(field.relationTo)
        const values = field.hasMany ? value : [value]
        if (!Array.isArray(values) || !values.every((item) => isRelationValue(item, polymorphic))) {
          wrong(field.hasMany ? 'a list of document ids' : 'a document id')
        }
        break
      }
      case 'richText': {
        if (!isObject(value) || !isObject(value.root) || !Array.isArray(value.root.children)) {
          wrong('rich text: an object with a root node and its children')
          break
        }
        out[field.name] = cleanJson(value, path, problems)
        checkNodeTypes(field, out[field.name] as RichTextValue, path, problems)
        if (JSON.stringify(out[field.name]).length > MAX_JSON_BYTES) {
          problems.push({
            path,
            message: `This text is too large (more than ${MAX_JSON_BYTES.toLocaleString('en')} bytes).`,
          })
        }
        break
      }
      case 'json':
        out[field.name] = cleanJson(value, path, problems)
        break
      case 'group':
      case 'tab':
        if (!isObject(value)) {
          wrong('a group of fields (an object)')
        } else {
          out[field.name] = checkFields(
            (field.flattenedFields ?? []) as AnyField[],
            value,
            `${path}.`,
            problems,
          )
        }
        break
      case 'array':
        // The admin sends the row count for a list it has no rows of (`layout: 0`), as Payload reads it.
        if (isRowCount(value)) {
          break
        }
        if (!Array.isArray(value) || !value.every(isObject)) {
          wrong('a list of rows')
        } else {
          out[field.name] = value.map((row, index) =>
            checkFields(
              (field.flattenedFields ?? []) as AnyField[],
              row,
              `${path}.${index}.`,
              problems,
            ),
          )
        }
        break
      case 'blocks': {
        const blocks = field.blocks ?? []
        if (isRowCount(value)) {
          break
        }
        if (!Array.isArray(value) || !value.every(isObject)) {
          wrong('a list of blocks')
          break
        }
        out[field.name] = value.map((block, index) => {
          const config = blocks.find((candidate) => candidate.slug === block.blockType)
          if (!config) {
            problems.push({
              path: `${path}.${index}.blockType`,
              message: `Unknown block type ${JSON.stringify(block.blockType)}; use one of: ${blocks.map((b) => b.slug).join(', ')}.`,
            })
            return block
          }
          return checkFields(
            config.flattenedFields as AnyField[],
            block,
            `${path}.${index}.`,
            problems,
          )
        })
        break
      }
      default:
        break
    }
  }
  return out
}

/**
 * Bad input is a 400 with the field path, never a 500, and nothing is written: before anything
 * else runs on a create or update, the data is checked against the collection's own fields — the
 * type each field takes, option values, ids, text length and characters (no NUL, no lone
 * surrogate), rich text shape and depth — and `__proto__`, `constructor` and `prototype` keys are
 * dropped from it. Payload's own validation then runs on sound data.
 */
export const validateShapes: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') {
    return args
  }
  const data: unknown = args.data
  if (data === undefined) {
    return args
  }
  const problems: Problem[] = []
  if (!isObject(data)) {
    throw invalid(
      collection.slug,
      [{ path: '', message: 'The data must be an object of fields.' }],
      req,
    )
  }
  const cleaned = checkFields(collection.flattenedFields as AnyField[], data, '', problems)
  if (problems.length > 0) {
    req.payload.logger.info({
      msg: `Cited: ${operation} of ${collection.slug} refused: data of the wrong shape`,
      problems: problems.slice(0, 10),
    })
    throw invalid(collection.slug, problems, req)
  }
  return { ...args, data: cleaned }
}

function invalid(collection: string, errors: Problem[], req: PayloadRequest): ValidationError {
  return new ValidationError({ collection, errors, req }, req.t)
}

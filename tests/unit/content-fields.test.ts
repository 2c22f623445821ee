/**
 * Every text-bearing field a reader can see is checked, or exempt with a reason. Enumerates the
 * sanitised Payload config (articles and everything an article shows), fills a document of every
 * shape with text in every field, walks it with the content graph, and fails on a field that is
 * neither visited nor exempt — so a new field, block or collection cannot be forgotten.
 */
import type { Field, FlattenedField, SanitizedConfig } from 'payload'

import { describe, expect, it } from 'vitest'

import type { Library } from '../../src/content/graph'

import configPromise from '../../payload.config'
import { EXEMPT_FIELDS, exemptionOf } from '../../src/content/fields'
import { walkArticle, walkDocument } from '../../src/content/graph'
import { detectStatistics } from '../../src/evidence/detect'

/** What an article shows, and the article. Claims and sources follow rules of their own (exempt). */
const SHOWN = [
  'articles',
  'benefits',
  'aftercare-tips',
  'comparison-rows',
  'media',
  'claims',
  'sources',
] as const

const TEXT_TYPES = new Set(['text', 'textarea', 'richText', 'email', 'code', 'select', 'json'])

type AnyField = FlattenedField & {
  blocks?: { slug: string; flattenedFields: FlattenedField[] }[]
  flattenedFields?: FlattenedField[]
}

/** Every text-bearing field path of a collection: `slug:path`, blocks as `layout.<blockType>.<field>`. */
function textFields(slug: string, fields: AnyField[], prefix = ''): string[] {
  return fields.flatMap((field): string[] => {
    if (field.type === 'blocks') {
      return (field.blocks ?? []).flatMap((block) =>
        textFields(
          slug,
          block.flattenedFields as AnyField[],
          `${prefix}${field.name}.${block.slug}.`,
        ),
      )
    }
    if (field.type === 'array' || field.type === 'group' || field.type === 'tab') {
      return textFields(
        slug,
        (field.flattenedFields ?? []) as AnyField[],
        `${prefix}${field.name}.`,
      )
    }
    return TEXT_TYPES.has(field.type) ? [`${slug}:${prefix}${field.name}`] : []
  })
}

const MARK = '70% of patients'
const lexical = (text: string) => ({
  root: {
    type: 'root',
    children: [
      { type: 'paragraph', children: [{ type: 'text', text }] },
      { type: 'upload', relationTo: 'media', value: 1, fields: { caption: text } },
    ],
  },
})

/** A document with a value in every field: text everywhere, one row per array, one block of each type. */
function fill(fields: AnyField[]): Record<string, unknown> {
  const doc: Record<string, unknown> = {}
  for (const field of fields) {
    if (!('name' in field)) {
      continue
    }
    switch (field.type) {
      case 'text':
        doc[field.name] = field.hasMany ? [MARK] : MARK
        break
      case 'textarea':
      case 'email':
      case 'code':
        doc[field.name] = MARK
        break
      case 'richText':
        doc[field.name] = lexical(MARK)
        break
      case 'number':
        doc[field.name] = field.hasMany ? [70] : 70
        break
      case 'checkbox':
        doc[field.name] = true
        break
      case 'select':
        doc[field.name] =
          typeof field.options[0] === 'string' ? field.options[0] : field.options[0]?.value
        break
      case 'relationship':
      case 'upload':
        doc[field.name] = field.hasMany ? [1] : 1
        break
      case 'array':
        doc[field.name] = [fill((field.flattenedFields ?? []) as AnyField[])]
        break
      case 'group':
        doc[field.name] = fill((field.flattenedFields ?? []) as AnyField[])
        break
      case 'blocks':
        doc[field.name] = (field.blocks ?? []).map((block) => ({
          blockType: block.slug,
          ...fill(block.flattenedFields as AnyField[]),
        }))
        break
      default:
        break
    }
  }
  return doc
}

const collection = (config: SanitizedConfig, slug: string) =>
  config.collections.find((candidate) => candidate.slug === slug)!

describe('every reader-visible text field is checked or exempt with a reason', () => {
  it('the content graph visits every text field of what an article shows that is not exempt, and none that is', async () => {
    const config = await configPromise
    const docs = Object.fromEntries(
      SHOWN.map((slug) => [
        slug,
        { id: 1, ...fill(collection(config, slug).flattenedFields as AnyField[]) },
      ]),
    )
    const library: Library = {
      benefits: new Map([['1', docs.benefits]]),
      tips: new Map([['1', docs['aftercare-tips']]]),
      rows: new Map([['1', docs['comparison-rows']]]),
      media: new Map([['1', docs.media]]),
    }
    const visited = new Set<string>()
    const visitor = { prose: ({ schemaPath }: { schemaPath: string }) => visited.add(schemaPath) }
    walkArticle(docs.articles, library, visitor)
    walkDocument('benefits', docs.benefits, library, visitor)
    walkDocument('tips', docs['aftercare-tips'], library, visitor)
    walkDocument('rows', docs['comparison-rows'], library, visitor)

    const all = SHOWN.flatMap((slug) =>
      textFields(slug, collection(config, slug).flattenedFields as AnyField[]),
    )
    const forgotten = all.filter((path) => !visited.has(path) && !exemptionOf(path))
    expect(
      forgotten,
      'text fields neither checked by the content graph nor exempt in src/content/fields.ts',
    ).toEqual([])
    const both = [...visited].filter((path) => exemptionOf(path))
    expect(both, 'fields both checked and exempt').toEqual([])
    const unknown = [...visited].filter((path) => !all.includes(path))
    expect(unknown, 'the graph visits a field the schema does not have').toEqual([])
    // Sanity: the walk reached every kind of document an article shows.
    for (const prefix of [
      'articles:',
      'benefits:',
      'aftercare-tips:',
      'comparison-rows:',
      'media:',
    ]) {
      expect(
        [...visited].some((path) => path.startsWith(prefix)),
        prefix,
      ).toBe(true)
    }
  })

  it('every exemption gives a reason and names a field that exists', async () => {
    const config = await configPromise
    const all = SHOWN.flatMap((slug) =>
      textFields(slug, collection(config, slug).flattenedFields as AnyField[]),
    )
    for (const [pattern, reason] of Object.entries(EXEMPT_FIELDS)) {
      expect(reason.length, pattern).toBeGreaterThan(10)
      const matches = all.filter(
        (path) => exemptionOf(path) === reason && (path === pattern || pattern.includes('*')),
      )
      expect(matches.length, `${pattern} matches no field`).toBeGreaterThan(0)
    }
  })

  it('no option label shown as text states a statistic', async () => {
    const config = await configPromise
    const labels: string[] = []
    const collect = (fields: Field[] | FlattenedField[]): void => {
      for (const field of fields as AnyField[]) {
        if (field.type === 'select') {
          for (const option of field.options) {
            // Text as it is; a label function (Payload's `_status` options) as its source; a label
            // object (translations, an element) has no text of its own to check.
            const label = typeof option === 'string' ? option : option.label
            labels.push(
              typeof label === 'string' ? label : typeof label === 'function' ? String(label) : '',
            )
          }
        }
        if (field.type === 'blocks') {
          for (const block of field.blocks ?? []) {
            collect(block.flattenedFields)
          }
        }
        if (field.type === 'array' || field.type === 'group') {
          collect(field.flattenedFields ?? [])
        }
      }
    }
    for (const slug of SHOWN) {
      collect(collection(config, slug).flattenedFields)
    }
    expect(labels.length).toBeGreaterThan(20)
    expect(labels.filter((label) => detectStatistics(label).length > 0)).toEqual([])
  })
})

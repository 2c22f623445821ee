import type { Config } from 'payload'

import { describe, expect, it } from 'vitest'

import type { CitedPluginOptions } from '../../src'

import { citedPlugin } from '../../src'

const base = { collections: [], secret: 'x' } as unknown as Config
/** The plugin applied to a minimal host config (it transforms synchronously). */
const apply = (options?: CitedPluginOptions, host: Config = base) => citedPlugin(options)(host) as Config
const slugs = (config: Config) => (config.collections ?? []).map((collection) => collection.slug)

describe('citedPlugin', () => {
  it('adds the whole content model', () => {
    expect(slugs(apply())).toEqual([
      'users',
      'media',
      'sources',
      'claims',
      'benefits',
      'aftercare-tips',
      'comparison-rows',
      'articles',
      'review-events',
      'cited-public-sets',
      'cited-snapshots',
    ])
  })

  it('keeps a host collection with the same slug as the host wrote it', () => {
    const hostUsers = { slug: 'users', auth: true, fields: [] }
    const config = apply({}, { ...base, collections: [hostUsers] })
    expect(config.collections?.filter((collection) => collection.slug === 'users')).toEqual([hostUsers])
  })

  it('disabled keeps the same schema but turns behaviour off', () => {
    const enabled = apply()
    const disabled = apply({ disabled: true })
    expect(slugs(disabled)).toEqual(slugs(enabled))
    const fieldsOf = (config: Config) => JSON.stringify(config.collections?.map((c) => c.fields.map((f) => ('name' in f ? f.name : f.type))))
    expect(fieldsOf(disabled)).toEqual(fieldsOf(enabled))
    expect(disabled.jobs?.tasks?.map((task) => task.slug)).toEqual(enabled.jobs?.tasks?.map((task) => task.slug))
    expect(disabled.jobs?.autoRun).toBeUndefined()
    for (const collection of disabled.collections ?? []) expect(collection.endpoints ?? []).toEqual([])
    const claims = disabled.collections?.find((collection) => collection.slug === 'claims')
    const enabledClaims = enabled.collections?.find((collection) => collection.slug === 'claims')
    expect((claims?.hooks?.beforeChange ?? []).length).toBeLessThan((enabledClaims?.hooks?.beforeChange ?? []).length)
  })

  it('lets the host change a collection: its fields and other settings', () => {
    const config = apply({
      collections: {
        articles: {
          admin: { group: 'Clinic' },
          fields: ({ defaultFields }) => [...defaultFields, { name: 'clinic', type: 'text' }],
        },
      },
    })
    const articles = config.collections?.find((collection) => collection.slug === 'articles')
    expect(articles?.admin?.group).toBe('Clinic')
    expect(articles?.fields.map((field) => ('name' in field ? field.name : field.type))).toContain('clinic')
    expect(articles?.fields.map((field) => ('name' in field ? field.name : field.type))).toContain('layout')
    expect(articles?.hooks?.beforeChange?.length).toBeGreaterThan(0)
  })

  it('exports the pure evidence engine next to the plugin', async () => {
    const cited = await import('../../src')
    expect(cited.detectStatistics('Seven in ten patients improved.')[0]).toMatchObject({ text: 'Seven in ten', value: 70, unit: 'percent' })
    expect(typeof cited.checkCoverage).toBe('function')
    expect(typeof cited.walkLexical).toBe('function')
  })
})

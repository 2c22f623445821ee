import type {
  AccessArgs,
  CollectionConfig,
  CollectionSlug,
  Config,
  Field,
  FieldAccessArgs,
  SelectField,
} from 'payload'

import { describe, expect, it } from 'vitest'

import type { CitedPluginOptions } from '../../src'

import { citedPlugin } from '../../src'

const base = { collections: [], secret: 'x' } as unknown as Config
/** The plugin applied to a minimal host config (it transforms synchronously). */
const apply = (options?: CitedPluginOptions, host: Config = base) =>
  citedPlugin(options)(host) as Config
const slugs = (config: Config) => (config.collections ?? []).map((collection) => collection.slug)
const collectionOf = (config: Config, slug: string): CollectionConfig => {
  const found = config.collections?.find((collection) => collection.slug === slug)
  if (!found) {
    throw new Error(`no collection ${slug}`)
  }
  return found
}
const fieldNames = (collection: CollectionConfig) =>
  collection.fields.map((field) => ('name' in field ? field.name : field.type))
/** The schema side of a config: each collection's fields (names, types, relations, options), versions and auth. */
const schemaOf = (config: Config) =>
  JSON.stringify(
    config.collections?.map((collection) => [
      collection.slug,
      collection.fields,
      collection.versions,
      Boolean(collection.auth),
      Boolean(collection.upload),
    ]),
  )
/** The names of every hook a collection has, flattened. */
const hookNames = (collection: CollectionConfig) =>
  Object.values(collection.hooks ?? {}).flatMap((hooks) =>
    (hooks ?? []).map((hook: { name: string }) => hook.name),
  )

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

  it('disabled keeps the same schema but attaches no Cited hook or endpoint', () => {
    const enabled = apply()
    const disabled = apply({ disabled: true })
    expect(slugs(disabled)).toEqual(slugs(enabled))
    expect(schemaOf(disabled)).toEqual(schemaOf(enabled))
    expect(disabled.jobs?.tasks?.map((task) => task.slug)).toEqual(
      enabled.jobs?.tasks?.map((task) => task.slug),
    )
    expect(disabled.jobs?.autoRun).toBeUndefined()
    for (const collection of disabled.collections ?? []) {
      expect(collection.endpoints ?? []).toEqual([])
      expect(hookNames(collection)).toEqual([])
    }
    expect(hookNames(collectionOf(enabled, 'claims'))).toContain('reviewGuardPublish')
  })

  it('every Cited collection checks its input before any other hook runs', () => {
    for (const collection of apply().collections ?? []) {
      const beforeOperation = (collection.hooks?.beforeOperation ?? []).map((hook) => hook.name)
      expect(beforeOperation.slice(0, 3), collection.slug).toEqual([
        'strictRouteIds',
        'validateWhere',
        'validateShapes',
      ])
    }
  })

  it('what shapes a read runs after the host’s hooks and overrides’', () => {
    const mine = () => undefined
    const host: CollectionConfig = { slug: 'articles', hooks: { afterRead: [mine] }, fields: [] }
    const articles = collectionOf(
      apply(
        { collections: { articles: { extend: true, hooks: { afterOperation: [mine] } } } },
        { ...base, collections: [host] },
      ),
      'articles',
    )
    expect(articles.hooks?.afterRead?.map((hook) => hook.name)).toEqual([
      'mine',
      'addReferences',
      'leanPopulate',
    ])
    expect(articles.hooks?.afterOperation?.map((hook) => hook.name)).toEqual([
      'mine',
      'cacheHeaders',
    ])
  })

  it('disabled keeps the hooks and endpoints the host adds through overrides', () => {
    const hostHook = () => undefined
    const hostEndpoint = { path: '/host', method: 'get' as const, handler: () => Response.json({}) }
    const disabled = apply({
      disabled: true,
      collections: { claims: { hooks: { afterRead: [hostHook] }, endpoints: [hostEndpoint] } },
    })
    const claims = collectionOf(disabled, 'claims')
    expect(claims.hooks?.afterRead).toEqual([hostHook])
    expect(claims.endpoints).toEqual([hostEndpoint])
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
    const articles = collectionOf(config, 'articles')
    expect(articles.admin?.group).toBe('Clinic')
    expect(articles.admin?.useAsTitle).toBe('title')
    expect(fieldNames(articles)).toContain('clinic')
    expect(fieldNames(articles)).toContain('layout')
    expect(articles.hooks?.beforeChange?.length).toBeGreaterThan(0)
  })

  it('an override’s hooks run after Cited’s, which stay', () => {
    const mine = () => undefined
    const claims = collectionOf(
      apply({
        collections: { claims: { hooks: { beforeChange: [mine], beforeOperation: [mine] } } },
      }),
      'claims',
    )
    const cited = collectionOf(apply(), 'claims')
    expect(claims.hooks?.beforeChange).toEqual([...(cited.hooks?.beforeChange ?? []), mine])
    expect(claims.hooks?.beforeOperation).toEqual([...(cited.hooks?.beforeOperation ?? []), mine])
    expect(claims.hooks?.afterChange).toEqual(cited.hooks?.afterChange)
  })

  it('an override’s access replaces only the operations it names', () => {
    const read = () => true
    const claims = collectionOf(apply({ collections: { claims: { access: { read } } } }), 'claims')
    const cited = collectionOf(apply(), 'claims')
    expect(claims.access?.read).toBe(read)
    for (const operation of ['create', 'update', 'delete', 'readVersions'] as const) {
      expect(claims.access?.[operation]).toBe(cited.access?.[operation])
    }
  })

  it('an override’s endpoints come after Cited’s', () => {
    const mine = { path: '/mine', method: 'get' as const, handler: () => Response.json({}) }
    const claims = collectionOf(apply({ collections: { claims: { endpoints: [mine] } } }), 'claims')
    const cited = collectionOf(apply(), 'claims')
    expect(claims.endpoints).toEqual([...((cited.endpoints || []) as unknown[]), mine])
  })

  it('an override cannot turn drafts off where Cited’s review needs them', () => {
    expect(() => apply({ collections: { claims: { versions: { drafts: false } } } })).toThrow(
      /'claims' collection needs drafts/,
    )
    const articles = collectionOf(
      apply({ collections: { articles: { versions: { maxPerDoc: 10 } } } }),
      'articles',
    )
    expect(articles.versions).toMatchObject({ maxPerDoc: 10, drafts: { schedulePublish: true } })
  })

  it('extends the host’s users collection: Cited’s fields and hooks added, the host’s kept', () => {
    const hostHook = () => undefined
    const hostUsers: CollectionConfig = {
      slug: 'users',
      auth: { tokenExpiration: 3600 },
      admin: { useAsTitle: 'clinic' },
      hooks: { beforeChange: [hostHook] },
      fields: [{ name: 'clinic', type: 'text' }],
    }
    const config = apply({}, { ...base, collections: [hostUsers] })
    const users = config.collections?.filter((collection) => collection.slug === 'users') ?? []
    expect(users).toHaveLength(1)
    expect(fieldNames(users[0])).toEqual(['clinic', 'name', 'roles', 'emailNotifications'])
    expect(users[0].auth).toEqual({ tokenExpiration: 3600 })
    expect(users[0].admin?.useAsTitle).toBe('clinic')
    const beforeChange = users[0].hooks?.beforeChange ?? []
    expect(beforeChange.map((hook) => hook.name)).toEqual(['firstUserIsAdmin', 'hostHook'])
    expect(config.admin?.user).toBe('users')
    expect(hostUsers.fields).toHaveLength(1)
  })

  it('the host’s users access and Cited’s must both allow an operation', async () => {
    const hostUsers: CollectionConfig = {
      slug: 'users',
      auth: true,
      access: { read: () => true, create: () => true },
      fields: [],
    }
    const users = collectionOf(apply({}, { ...base, collections: [hostUsers] }), 'users')
    const payload = { config: { custom: {} } }
    const as = (user: unknown) => ({ req: { payload, user } }) as unknown as AccessArgs
    const editor = { id: 7, collection: 'users', roles: ['editor'] }
    const admin = { id: 1, collection: 'users', roles: ['admin'] }
    expect(await users.access?.read?.(as(editor))).toEqual({ id: { equals: 7 } })
    expect(await users.access?.read?.(as(admin))).toBe(true)
    expect(await users.access?.read?.(as(null))).toBe(false)
    expect(await users.access?.create?.(as(editor))).toBe(false)
    expect(await users.access?.create?.(as(admin))).toBe(true)
    // Someone of another auth collection with the same id is not "self".
    expect(await users.access?.update?.(as({ ...editor, collection: 'customers' }))).toBe(false)
  })

  it('a host roles field is kept when it can carry Cited’s roles, and only admins write it', async () => {
    const roles: Field = {
      name: 'roles',
      type: 'select',
      hasMany: true,
      options: ['admin', 'editor', 'reviewer', 'billing'],
      access: { update: () => true },
    }
    const users = collectionOf(
      apply({}, { ...base, collections: [{ slug: 'users', auth: true, fields: [roles] }] }),
      'users',
    )
    const kept = users.fields.find(
      (field) => 'name' in field && field.name === 'roles',
    ) as SelectField
    expect(kept.options).toContain('billing')
    const as = (user: unknown) => ({ req: { user } }) as unknown as FieldAccessArgs
    expect(await kept.access?.update?.(as({ id: 2, roles: ['editor'] }))).toBe(false)
    expect(await kept.access?.update?.(as({ id: 1, roles: ['admin'] }))).toBe(true)
    expect(await kept.access?.create?.(as({ id: 2, roles: ['editor'] }))).toBe(false)
  })

  it('a host roles field that cannot carry Cited’s roles is a configuration error', () => {
    const host = {
      ...base,
      collections: [{ slug: 'users', auth: true, fields: [{ name: 'roles', type: 'text' }] }],
    } as Config
    expect(() => apply({}, host)).toThrow(/'users' collection has a 'roles' field Cited cannot use/)
  })

  it('a host users collection without auth is a configuration error', () => {
    expect(() => apply({}, { ...base, collections: [{ slug: 'users', fields: [] }] })).toThrow(
      /has no auth/,
    )
  })

  it('another Cited slug in the host config is a configuration error naming the way out', () => {
    const host = { ...base, collections: [{ slug: 'claims', fields: [] }] }
    expect(() => apply({}, host)).toThrow(
      /collection 'claims'.*Rename your collection.*collections: \{ 'claims': \{ extend: true \} \}/,
    )
    expect(() =>
      apply({}, { ...base, collections: [{ slug: 'cited-snapshots', fields: [] }] }),
    ).toThrow(/collection 'cited-snapshots'/)
  })

  it('extend: true merges the host’s collection with Cited’s', () => {
    const hostHook = () => undefined
    const hostClaims: CollectionConfig = {
      slug: 'claims',
      admin: { group: 'Clinic' },
      access: { delete: () => false },
      hooks: { beforeChange: [hostHook] },
      fields: [
        { name: 'internalRef', type: 'text' },
        { name: 'topic', type: 'select', options: ['pain', 'sleep'] },
      ],
    }
    const config = apply(
      { collections: { claims: { extend: true } } },
      { ...base, collections: [hostClaims] },
    )
    const claims = collectionOf(config, 'claims')
    expect(config.collections?.filter((collection) => collection.slug === 'claims')).toHaveLength(1)
    expect(fieldNames(claims).slice(0, 3)).toEqual(['internalRef', 'topic', 'statement'])
    expect(fieldNames(claims)).toContain('review')
    expect(fieldNames(claims).filter((name) => name === 'topic')).toHaveLength(1)
    expect(claims.admin?.group).toBe('Clinic')
    expect(claims.admin?.useAsTitle).toBe('statement')
    expect(claims.versions).toMatchObject({ drafts: { validate: true } })
    const beforeChange = (claims.hooks?.beforeChange ?? []).map((hook) => hook.name)
    expect(beforeChange.indexOf('reviewTrackDraft')).toBeLessThan(beforeChange.indexOf('hostHook'))
    expect(hookNames(claims)).toContain('reviewGuardPublish')
    expect(claims.access?.create).toBe(collectionOf(apply(), 'claims').access?.create)
  })

  it('usersCollection names the users collection and every relationship to people', () => {
    const config = apply({ usersCollection: 'staff' as CollectionSlug })
    expect(slugs(config)).toContain('staff')
    expect(slugs(config)).not.toContain('users')
    expect(config.admin?.user).toBe('staff')
    const relationsToPeople = (slug: string) =>
      JSON.stringify(collectionOf(config, slug).fields).match(/"relationTo":"(?:staff|users)"/g)
    expect(relationsToPeople('claims')).toEqual(['"relationTo":"staff"', '"relationTo":"staff"'])
    expect(relationsToPeople('review-events')).toEqual(['"relationTo":"staff"'])
  })

  it('defaults usersCollection to the host’s admin.user', () => {
    const host = {
      ...base,
      admin: { user: 'staff' },
      collections: [{ slug: 'staff', auth: true, fields: [] }],
    } as Config
    const config = apply({}, host)
    expect(fieldNames(collectionOf(config, 'staff'))).toContain('roles')
    expect(slugs(config)).not.toContain('users')
  })

  it('a users collection other than admin.user, or one of Cited’s slugs, is a configuration error', () => {
    expect(() =>
      apply({ usersCollection: 'staff' as CollectionSlug }, {
        ...base,
        admin: { user: 'users' },
      } as Config),
    ).toThrow(/admin.user is 'users' but usersCollection is 'staff'/)
    expect(() => apply({ usersCollection: 'media' as CollectionSlug })).toThrow(
      /usersCollection 'media' is one of Cited's own collections/,
    )
  })

  it('exports the pure evidence engine next to the plugin', async () => {
    const cited = await import('../../src')
    expect(cited.detectStatistics('Seven in ten patients improved.')[0]).toMatchObject({
      text: 'Seven in ten',
      value: 70,
      unit: 'percent',
    })
    expect(typeof cited.checkCoverage).toBe('function')
    expect(typeof cited.walkLexical).toBe('function')
  })
})

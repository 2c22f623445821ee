/**
 * `POST /api/sources/import` with `dryRun: true` on a host that turned database transactions off
 * (`postgresAdapter({ transactionOptions: false })`): the preview must write nothing — there is
 * no transaction to roll back — yet report what the import would refuse, and run none of the
 * hooks that follow a write. A real import on that host still creates the sources.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayloadFor, hostConfig, type TestContext } from '../helpers/payload'

const uid = () => Math.random().toString(36).slice(2, 10)

let t: TestContext

beforeAll(async () => {
  t = await bootPayloadFor(hostConfig({ transactionOptions: false }))
})

afterAll(async () => {
  await t?.payload.destroy()
})

const importText = (text: string, extra: Record<string, unknown> = {}) =>
  t.api.as(t.editor.token).post('/sources/import', { text, ...extra })

const sourceCount = async () =>
  (await t.payload.count({ collection: 'sources', overrideAccess: true })).totalDocs

const bibtex = (key: string, fields: Record<string, string>) =>
  `@article{${key},\n${Object.entries(fields)
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(',\n')}\n}`

describe('previewing an import without database transactions', () => {
  it('really has no transactions on this host', () => {
    expect(t.payload.db.beginTransaction.name).not.toBe('beginTransaction')
  })

  it('writes nothing in a dry run of many references, and lists them all', async () => {
    const before = await sourceCount()
    const text = Array.from({ length: 20 }, (_, index) =>
      bibtex(`p${index}`, {
        author: 'Vickers, Andrew J. and Cronin, Angel M.',
        title: `Preview without transactions ${index} ${uid()}`,
        journal: 'Archives of Internal Medicine',
        year: '2012',
        doi: `10.5555/preview.${uid()}`,
      }),
    ).join('\n\n')
    const res = await importText(text, { dryRun: true })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ dryRun: true, errors: [], duplicates: [] })
    expect(res.body.created).toHaveLength(20)
    expect(res.body.created[0]).toMatchObject({
      entry: 1,
      year: 2012,
      authors: [
        { family: 'Vickers', given: 'Andrew J.' },
        { family: 'Cronin', given: 'Angel M.' },
      ],
    })
    expect(res.body.created.every((item: { id?: unknown }) => item.id === undefined)).toBe(true)
    expect(await sourceCount()).toBe(before)
  })

  it('normalises and validates in a dry run as the import does, still writing nothing', async () => {
    const existing = `10.5555/existing.${uid()}`
    await t.payload.create({
      collection: 'sources',
      data: { type: 'journal-article', title: `Already here ${uid()}`, doi: existing },
      overrideAccess: true,
    })
    const before = await sourceCount()
    const doi = `10.5555/MixedCase.${uid()}`
    const res = await importText(
      [
        bibtex('ok', { title: `Good ${uid()}`, doi: `https://doi.org/${doi}`, year: '2019' }),
        bibtex('baddoi', { title: `Bad DOI ${uid()}`, doi: '11.1/x' }),
        bibtex('year', { title: `Bad year ${uid()}`, year: '1700', url: 'https://example.org/a' }),
        bibtex('none', { title: `No locator ${uid()}` }),
        bibtex('twin', { title: `Twin ${uid()}`, doi: existing }),
      ].join('\n\n'),
      { dryRun: true },
    )
    expect(res.status).toBe(200)
    expect(res.body.created).toEqual([
      expect.objectContaining({ entry: 1, doi: doi.toLowerCase(), year: 2019 }),
    ])
    const messages = Object.fromEntries(
      res.body.errors.map((error: { entry: number; message: string }) => [
        error.entry,
        error.message,
      ]),
    )
    expect(messages[2]).toContain('is not a DOI')
    expect(messages[3]).toContain('Year: 1700 is less than')
    expect(messages[4]).toContain('Add at least one way to find this source')
    expect(res.body.duplicates).toEqual([
      expect.objectContaining({ entry: 5, existing: expect.objectContaining({ doi: existing }) }),
    ])
    expect(await sourceCount()).toBe(before)
  })

  it('runs no afterChange hook in a dry run; a real import runs them and creates the sources', async () => {
    const hooks = t.payload.collections.sources.config.hooks
    const changed: unknown[] = []
    const spy = ({ doc }: { doc: unknown }) => {
      changed.push(doc)
      return doc
    }
    hooks.afterChange.push(spy)
    try {
      const title = `Hooked ${uid()}`
      const text = bibtex('h', { title, doi: `10.5555/hooked.${uid()}` })
      const preview = await importText(text, { dryRun: true })
      expect(preview.body.created).toHaveLength(1)
      expect(changed).toHaveLength(0)

      const before = await sourceCount()
      const real = await importText(text)
      expect(real.status).toBe(200)
      expect(real.body.created).toEqual([expect.objectContaining({ title, id: expect.anything() })])
      expect(changed).toHaveLength(1)
      expect(await sourceCount()).toBe(before + 1)
    } finally {
      hooks.afterChange.splice(hooks.afterChange.indexOf(spy), 1)
    }
  })
})

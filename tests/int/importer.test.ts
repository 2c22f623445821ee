/**
 * Importing articles from their text files on a real Payload and PostgreSQL: the demo article's
 * plan (benefits, tips, comparison rows, every statistic an uncited draft claim), its write in one
 * transaction that a second import does not repeat, another article of the same family, malformed
 * input named by line, and `npm run import`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ImportError, parseArticle } from '../../src/importer/parse'
import { planImport, reportOf } from '../../src/importer/plan'
import { writeImport } from '../../src/importer/write'
import { importCli, importCounts, writeDemoArticle } from '../helpers/importer'
import { bootPayload, type TestContext } from '../helpers/payload'

const fixture = (name: string) => fs.readFileSync(path.resolve('tests/fixtures', name), 'utf8')
const INSTRUCTIONS = [
  'two to three sessions per week',
  '15-20 minutes',
  '24 hours',
  'six to eight weeks',
  '12 months',
]

let t: TestContext

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

const counts = () => importCounts(t.payload)

describe('the acupuncture fixture', () => {
  const plan = planImport(parseArticle(fixture('acupuncture-back-pain.txt')))

  it('reports 8 benefits, 32 tips, 5 rows of 8 cells and every percentage as uncited, no instruction', () => {
    const report = reportOf(plan)
    expect(report).toMatchObject({
      article: {
        title: 'Benefits of Acupuncture for Back Pain',
        slug: 'benefits-of-acupuncture-for-back-pain',
      },
      benefits: 8,
      aftercareTips: 32,
      comparisonRows: 5,
      comparisonCells: 40,
      claims: 10,
    })
    expect(report.uncitedStatistics.map((s) => s.text)).toEqual([
      '70%',
      'up to 50%',
      'up to a 50%',
      'up to a 60%',
      'up to a 40%',
      '70%+',
      '25-40%',
      '40-60%',
      '60%+',
      '40-50%',
    ])
    const reported = JSON.stringify(report.uncitedStatistics)
    for (const instruction of INSTRUCTIONS) {
      expect(reported).not.toContain(`"${instruction}`)
    }
    expect(report.uncitedStatistics[0]).toEqual({
      text: '70%',
      sentence:
        'The Cleveland Clinic, for example, reports that 70% of their patients treated for chronic back pain experience significant, lasting improvement.',
      location: 'Benefits › Natural Pain Reduction Without Medications › Clinical perspective',
    })
  })

  it('writes the article draft with its benefits, tips, rows and one draft claim per statistic', async () => {
    const article = await writeDemoArticle(t.payload, plan)
    const uncovered = article.evidence?.uncovered as {
      text: string
      reason: string
      path: string
    }[]
    expect(new Set(uncovered.map((u) => u.reason))).toEqual(new Set(['uncited']))
    expect(uncovered[0]?.path).toBe(
      'Benefits › Natural Pain Reduction Without Medications › Clinical perspective',
    )

    const claims = await t.payload.find({
      collection: 'claims',
      draft: true,
      limit: 100,
      where: { id: { in: article.evidence?.claims as number[] } },
    })
    expect(claims.totalDocs).toBe(10)
    for (const claim of claims.docs) {
      expect(claim._status).toBe('draft')
      expect(claim.statistics?.[0]?.sources ?? []).toEqual([])
    }
    const range = claims.docs.find((c) => c.statement.startsWith('40-60%'))
    expect(range?.statistics?.[0]).toMatchObject({ value: 40, upper: 60, unit: 'percent' })
  })

  it('does not duplicate content when the same file is imported twice', async () => {
    const before = await counts()
    const again = await writeImport(
      t.payload,
      planImport(parseArticle(fixture('acupuncture-back-pain.txt'))),
    )
    expect(again.alreadyImported).toBe(true)
    expect(await counts()).toEqual(before)
  })

  it('refuses to publish the imported article and lists all ten statistics', async () => {
    const { docs } = await t.payload.find({
      collection: 'articles',
      where: { slug: { equals: 'benefits-of-acupuncture-for-back-pain' } },
      draft: true,
    })
    const res = await t.api
      .as(t.editor.token)
      .patch(`/articles/${docs[0].id}`, { _status: 'published' })
    expect(res.status).toBe(400)
    const errors: { message: string }[] = res.body.errors[0].data.errors
    // The ten statistics, then the publish gate on each of their ten draft claims.
    expect(
      errors.filter((error) => error.message.includes('is tied to a claim that cites no source')),
    ).toHaveLength(10)
    expect(
      errors.filter((error) => error.message.includes('has not been approved by a reviewer yet')),
    ).toHaveLength(10)
    expect(errors).toHaveLength(20)
    expect(errors[0].message).toBe(
      '"70%" in Benefits › Natural Pain Reduction Without Medications › Clinical perspective is tied to a claim that cites no source for it yet.',
    )
  })
})

describe('a write that fails half-way', () => {
  it('leaves nothing behind: the import is one transaction', async () => {
    const plan = planImport(parseArticle(fixture('cupping-neck-tension.txt')))
    const broken = {
      ...plan,
      article: { ...plan.article, slug: 'half-written' },
      tips: plan.tips.map((tip, index) =>
        index === 5 ? { ...tip, data: { ...tip.data, instruction: '' } } : tip,
      ),
    }
    const before = await counts()
    await expect(writeImport(t.payload, broken)).rejects.toThrow(/Instruction/)
    expect(await counts()).toEqual(before)
  })
})

describe('another article of the same family', () => {
  it('imports its own counts and phrasings', async () => {
    const plan = planImport(parseArticle(fixture('cupping-neck-tension.txt')))
    const report = reportOf(plan)
    expect(report.benefits).toBe(5)
    expect(report.aftercareTips).toBe(3 + 5 + 2 + 4 + 3)
    expect(report.comparisonRows).toBe(4)
    expect(report.comparisonCells).toBe(20)
    const texts = report.uncitedStatistics.map((s) => s.text.toLowerCase())
    for (const phrase of [
      'seven in ten',
      '1 in 3',
      'twice as likely',
      '45 percent',
      'from 6.8 to 3.1',
    ]) {
      expect(texts.some((text) => text.includes(phrase))).toBe(true)
    }
    for (const instruction of ['30 seconds', 'three times a week']) {
      expect(texts.some((text) => text.includes(instruction))).toBe(false)
    }
    const result = await writeImport(t.payload, plan)
    const article = await t.payload.findByID({
      collection: 'articles',
      id: result.articleId,
      draft: true,
      depth: 0,
    })
    expect(article.evidence?.uncoveredCount).toBe(report.claims)
  })
})

describe('malformed input', () => {
  const cases: [string, string, RegExp][] = [
    ['an empty file', '', /the file is empty/],
    [
      'a binary file',
      '\u0000\u0001\u0002PNG\u0000\u0000',
      /^line 1: this looks like a binary file/,
    ],
    [
      'no sections',
      'Just a paragraph about back pain.\nAnother paragraph.',
      /no numbered benefit sections/,
    ],
  ]
  it.each(cases)('%s gets a clear error and nothing is written', async (_name, text, message) => {
    const before = await counts()
    expect(() => planImport(parseArticle(text))).toThrow(message)
    expect(await counts()).toEqual(before)
  })

  it('a table with a ragged row names its line', () => {
    const text = fixture('acupuncture-back-pain.txt').replace(
      'Implementation Complexity 🔄 | Medium – multiple sessions needed |',
      'Implementation Complexity 🔄 |',
    )
    const error = (() => {
      try {
        parseArticle(text)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ImportError)
    expect((error as ImportError).line).toBe(
      text.split('\n').findIndex((l) => l.startsWith('Implementation Complexity')) + 1,
    )
  })
})

// Each test runs the CLI as a child process that loads the app's config: slow on a busy machine.
describe('npm run import', { timeout: 180_000 }, () => {
  it('--dry-run --json prints one JSON report and writes nothing', async () => {
    const before = await counts()
    const result = await importCli([
      'tests/fixtures/acupuncture-back-pain.txt',
      '--dry-run',
      '--json',
    ])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report).toMatchObject({
      benefits: 8,
      aftercareTips: 32,
      comparisonRows: 5,
      comparisonCells: 40,
      claims: 10,
    })
    expect(report.uncitedStatistics).toHaveLength(10)
    expect(await counts()).toEqual(before)
  })

  it('a malformed file exits 1 with the line number and writes nothing', async () => {
    const file = path.join(os.tmpdir(), `ragged-${Date.now()}.txt`)
    fs.writeFileSync(
      file,
      '1. A Benefit\nSome text.\n\nComparison\nAspect | A Benefit |\n---|---|\nRow | x | y |\n',
    )
    const result = await importCli([file, '--json'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/nothing was written — line \d+: /)
    expect(result.stdout).toBe('')
  })

  it('writes through the app config into the database named by DATABASE_URL', async () => {
    const result = await importCli(['tests/fixtures/cupping-neck-tension.txt', '--json'], {
      DATABASE_URL: process.env.DATABASE_URL,
    })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ alreadyImported: true })
  })
})

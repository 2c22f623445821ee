/**
 * Importing the demo article from Word, HTML and Markdown, on a real Payload and PostgreSQL: the
 * same plan as the text file, one transaction per import, rich text that keeps its links,
 * emphasis and lists while its statistics stay flagged, and the admin's upload endpoint
 * (`POST /api/cited/import-article`): dry run, confirm, refusals and access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ImportPlan } from '../../src/importer/plan'

import { planImportFile } from '../../src/importer/formats'
import { reportOf } from '../../src/importer/plan'
import { writeImport } from '../../src/importer/write'
import {
  articleUpload,
  type ArticleUpload,
  fixture,
  fixturePath,
  importCli,
  importCounts,
  writeDemoArticle,
} from '../helpers/importer'
import { bootPayload, type TestContext } from '../helpers/payload'

type Node = Record<string, unknown> & { children?: Node[] }

const FORMATS = ['txt', 'html', 'md', 'docx'] as const
const RICH = ['html', 'md', 'docx'] as const

let t: TestContext
let upload: ArticleUpload

beforeAll(async () => {
  t = await bootPayload()
  upload = articleUpload(t.config)
})

afterAll(async () => {
  await t?.payload.destroy()
})

const planOf = async (ext: string): Promise<ImportPlan> =>
  (await planImportFile(fixturePath(ext), fixture(ext), () => t.config)).plan

const counts = () => importCounts(t.payload)

/** What a format's plan holds, counted the way an editor would. */
const shapeOf = (plan: ImportPlan) => {
  const layout = plan.article.layout as { blockType: string }[]
  return {
    ...reportOf(plan),
    perspectives: plan.benefits.filter((b) => b.data.clinicalPerspective).length,
    quotes: layout.filter((b) => b.blockType === 'quote').length,
    takeaways: layout.filter((b) => b.blockType === 'keyTakeaways').length,
    callsToAction: layout.filter((b) => b.blockType === 'callToAction').length,
  }
}

const walk = (node: Node, visit: (n: Node) => void): void => {
  visit(node)
  for (const child of node.children ?? []) {
    walk(child, visit)
  }
}
const nodesOf = (state: unknown, type: string): Node[] => {
  const out: Node[] = []
  walk((state as { root: Node }).root, (n) => n.type === type && out.push(n))
  return out
}

describe('the demo article in four formats', () => {
  it('gives the same plan counts and the same flagged statistics in .txt, .html, .md and .docx', async () => {
    const [txt, ...rich] = await Promise.all(FORMATS.map(async (ext) => shapeOf(await planOf(ext))))
    expect(txt).toMatchObject({
      benefits: 8,
      aftercareTips: 32,
      comparisonRows: 5,
      comparisonCells: 40,
      claims: 10,
      perspectives: 8,
      quotes: 1,
      callsToAction: 1,
    })
    for (const shape of rich) {
      expect(shape).toEqual(txt)
    }
  })

  it.each(FORMATS)('importing the .%s writes a draft article with its documents', async (ext) => {
    const plan = await planOf(ext)
    plan.article.slug = `${plan.article.slug}-${ext}`
    await writeDemoArticle(t.payload, plan)
  })

  it('a write that fails half-way leaves nothing behind (one transaction)', async () => {
    const plan = await planOf('docx')
    plan.article.slug = `${plan.article.slug}-broken`
    // The article refers to a benefit that is never written: the last write fails.
    ;(plan.article.layout as Record<string, unknown>[]).push({
      blockType: 'benefit',
      benefit: '@benefit:99',
    })
    const before = await counts()
    await expect(writeImport(t.payload, plan)).rejects.toThrow()
    expect(await counts()).toEqual(before)
  })

  it.each(RICH)('the .%s keeps links, emphasis and lists in rich text', async (ext) => {
    const plan = await planOf(ext)
    const intro = plan.article.intro
    const link = nodesOf(intro, 'link')[0]
    expect(link?.fields).toMatchObject({
      url: 'https://www.example.com/blog/back-pain-from-sitting',
    })
    expect(link?.children?.[0]).toMatchObject({
      text: 'strategies to reduce back pain from sitting at a desk',
    })
    expect(
      nodesOf(intro, 'text').find((n) => n.text === 'Dynamic Balanced Medicine'),
    ).toMatchObject({ format: 2 })
    const strong = nodesOf(intro, 'text').find((n) => n.text === 'evidence-based breakdown')
    expect(strong).toMatchObject({ format: 1 })

    // A statistic in formatted text still gets its claimRef after its sentence.
    const perspective = plan.benefits[0].data.clinicalPerspective
    const paragraph = nodesOf(perspective, 'paragraph')[0]
    const kids = paragraph.children ?? []
    expect(kids.find((n) => n.text === 'The Cleveland Clinic')).toMatchObject({ format: 1 })
    const refAt = kids.findIndex((n) => n.type === 'inlineBlock')
    expect(String(kids[refAt - 1]?.text)).toMatch(/significant, lasting improvement\.$/)

    const why = (plan.article.layout as { blockName?: string; content?: unknown }[]).find(
      (b) => b.blockName === 'Why It Matters',
    )
    const list = nodesOf(why?.content, 'list')[0]
    expect(list).toMatchObject({ listType: 'bullet' })
    expect(list?.children).toHaveLength(3)
  })
})

describe('POST /api/cited/import-article', () => {
  it('a dry run reports what would be created and each statistic, and writes nothing', async () => {
    const before = await counts()
    const res = await upload('acupuncture-back-pain.docx', fixture('docx'), {
      token: t.editor.token,
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      dryRun: true,
      format: 'docx',
      report: {
        article: { title: 'Benefits of Acupuncture for Back Pain' },
        benefits: 8,
        aftercareTips: 32,
        comparisonRows: 5,
        claims: 10,
      },
    })
    expect(res.body.report.uncitedStatistics).toHaveLength(10)
    expect(res.body.report.uncitedStatistics[0]).toMatchObject({
      text: '70%',
      location: 'Benefits › Natural Pain Reduction Without Medications › Clinical perspective',
    })
    expect(res.body.article).toBeUndefined()
    expect(await counts()).toEqual(before)
  })

  it('confirmed, creates the draft article as the editor and links to its edit page', async () => {
    const before = await counts()
    const res = await upload('acupuncture-back-pain.docx', fixture('docx'), {
      token: t.editor.token,
      confirm: true,
    })
    expect(res.status).toBe(201)
    expect(res.body.alreadyImported).toBe(false)
    expect(res.body.article.adminUrl).toBe(`/admin/collections/articles/${res.body.article.id}`)
    const after = await counts()
    expect(after.articles - before.articles).toBe(1)
    expect(after.claims - before.claims).toBe(10)
    const article = await t.payload.findByID({
      collection: 'articles',
      id: res.body.article.id,
      draft: true,
      depth: 0,
    })
    expect(article).toMatchObject({
      _status: 'draft',
      slug: 'benefits-of-acupuncture-for-back-pain',
    })
    expect(article.evidence?.uncoveredCount).toBe(10)
  })

  it.each([
    ['an unsupported type', 'article.pdf', '%PDF-1.7 …', /\.pdf files cannot be imported/],
    ['a damaged Word document', 'article.docx', 'this is not a zip', /not a Word document/],
    [
      'a truncated Word document',
      'article.docx',
      fixture('docx').subarray(0, 2000),
      /could not be read/,
    ],
    ['an empty HTML file', 'article.html', '   \n', /empty/],
    [
      'an HTML page with no article',
      'page.html',
      '<html><body><nav><a href="/">Home</a></nav><footer>© Clinic</footer></body></html>',
      /no article was found/,
    ],
    [
      'Markdown without benefit sections',
      'notes.md',
      '# Notes\n\nJust a paragraph.\n',
      /no numbered benefit sections/,
    ],
  ] as const)('refuses %s with a 400 and writes nothing', async (_, name, bytes, message) => {
    const before = await counts()
    const res = await upload(name, bytes, { token: t.editor.token, confirm: true })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/was not imported, nothing was written/)
    expect(res.body.errors[0].message).toMatch(message)
    expect(await counts()).toEqual(before)
  })

  it('refuses anonymous uploads (401) and reviewers (403), writing nothing', async () => {
    const before = await counts()
    const anonymous = await upload('a.md', fixture('md'), { confirm: true })
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].message).toMatch(/Log in/)
    const reviewer = await upload('a.md', fixture('md'), {
      token: t.reviewer.token,
      confirm: true,
    })
    expect(reviewer.status).toBe(403)
    expect(await counts()).toEqual(before)
  })
})

// Each test runs the CLI as a child process that loads the app's config: slow on a busy machine.
describe('npm run import with other formats', { timeout: 180_000 }, () => {
  it('--dry-run --json reads a .md file by its extension and writes nothing', async () => {
    const before = await counts()
    const result = await importCli([fixturePath('md'), '--dry-run', '--json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ benefits: 8, aftercareTips: 32, claims: 10 })
    expect(await counts()).toEqual(before)
  })

  it('an unsupported extension exits 1 with a clear message', async () => {
    const result = await importCli(['README.pdf', '--dry-run'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/nothing was written — \.pdf files cannot be imported/)
  })
})

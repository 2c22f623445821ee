/**
 * Article import from Word, HTML and Markdown against what review found, on a real Payload and
 * PostgreSQL: oversize and zip-bomb uploads refused quickly with nothing written, links with a
 * `javascript:`/`data:` address unwrapped (and reported), a dry run that meets what the confirm
 * would (a slug already taken), and the four demo formats giving the same article, compared
 * whole (as plain text, without line numbers).
 */
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseImportFile, planImportFile } from '../../src/importer/formats'
import {
  articleUpload,
  type ArticleUpload,
  fixture,
  fixturePath,
  importCounts,
} from '../helpers/importer'
import { bootPayload, type TestContext } from '../helpers/payload'

type Node = Record<string, unknown> & { children?: Node[] }

let t: TestContext
/** Uploads as the editor. */
let upload: ArticleUpload

beforeAll(async () => {
  t = await bootPayload()
  upload = articleUpload(t.config, { token: t.editor.token })
})

afterAll(async () => {
  await t?.payload.destroy()
})

const counts = () => importCounts(t.payload)

async function zipBomb(megabytes: number): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>')
  zip.file(
    'word/document.xml',
    `<w:document><w:body>${'<w:p/>'.repeat(megabytes * 174763)}</w:body></w:document>`,
  )
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** A short article whose intro holds `link`, in HTML or Markdown. */
const withLinks = (intro: string, closing: string): string =>
  `${intro}\n\n## 1. Better Sleep\n\nSleep improves.\n\n## 2. Less Pain\n\nPain eases.\n\n## Final Thoughts\n\nRest heals.\n\n${closing}\n`

const walk = (node: Node, visit: (n: Node) => void): void => {
  visit(node)
  for (const child of node.children ?? []) {
    walk(child, visit)
  }
}
const linksOf = (state: unknown): string[] => {
  const out: string[] = []
  walk((state as { root: Node }).root, (n) => {
    if (n.type === 'link' || n.type === 'autolink') {
      out.push(String((n.fields as { url?: string })?.url))
    }
  })
  return out
}
const textOf = (state: unknown): string => {
  const out: string[] = []
  walk((state as { root: Node }).root, (n) => n.type === 'text' && out.push(String(n.text)))
  return out.join('')
}

describe('oversize uploads', () => {
  it('refuses a zip-bomb-like .docx with a 400 in seconds, writing nothing', async () => {
    const before = await counts()
    const bomb = await zipBomb(60)
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const started = Date.now()
    const res = await upload('bomb.docx', bomb, { confirm: true })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(
      /was not imported, nothing was written: this Word document unpacks to 60 MB; the limit is 20 MB/,
    )
    expect(await counts()).toEqual(before)
  })

  it('refuses an HTML file over 2 MB with a 400, writing nothing', async () => {
    const before = await counts()
    const res = await upload('huge.html', `<p>${'word '.repeat(600_000)}</p>`, { confirm: true })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(
      /this HTML file holds 2\.9 MB of text; the limit is 2 MB/,
    )
    expect(await counts()).toEqual(before)
  })

  it('refuses an upload whose Content-Length is over the limit before reading it (413)', async () => {
    const res = await upload('a.md', fixture('md'), {
      confirm: true,
      headers: { 'Content-Length': String(15 * 1024 * 1024) },
    })
    expect(res.status).toBe(413)
    expect(res.body.errors[0].message).toMatch(/larger than 10 MB; an article file is much smaller/)
  })
})

describe('link addresses', () => {
  const cases = [
    [
      'html',
      withLinks(
        '<h1>Sleep Well</h1><p>See <a href="javascript:alert(1)">our guide</a>, <a href="data:text/html,x">the data</a>, <a href="https://example.com/ok">the study</a> and <a href="/contact">contact us</a>.</p>',
        '<p>Ready to sleep better? Schedule your consultation today via <a href="mailto:hi@example.com">e-mail</a>.</p>',
      )
        .replace(/^## (.*)$/gm, '<h2>$1</h2>')
        .replace(/^(?!<)(\S.*)$/gm, '<p>$1</p>'),
    ],
    [
      'md',
      withLinks(
        '# Sleep Well\n\nSee [our guide](javascript:alert%281%29), [the data](data:text/html,x), [the study](https://example.com/ok) and [contact us](/contact).',
        'Ready to sleep better? Schedule your consultation today via [e-mail](mailto:hi@example.com).',
      ),
    ],
  ] as const

  it.each(cases)('unwraps unsafe links in .%s, keeps their text and warns', async (ext, source) => {
    const { plan } = await planImportFile(`sleep.${ext}`, Buffer.from(source), () => t.config)
    expect(linksOf(plan.article.intro)).toEqual(['https://example.com/ok', '/contact'])
    expect(textOf(plan.article.intro)).toBe('See our guide, the data, the study and contact us.')
    expect(JSON.stringify({ ...plan, warnings: [] })).not.toMatch(/javascript:|data:text/)
    expect(plan.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/the link “our guide” pointed to a javascript: address/),
        expect.stringMatching(/the link “the data” pointed to a data: address/),
      ]),
    )
  })
})

describe('the dry run meets what the confirm would', () => {
  it('reports a slug already imported, as the confirm would, writing nothing', async () => {
    const first = await upload('acupuncture-back-pain.md', fixture('md'), { confirm: true })
    expect(first.status).toBe(201)
    const before = await counts()
    const dry = await upload('acupuncture-back-pain.html', fixture('html'))
    expect(dry.status).toBe(200)
    expect(dry.body).toMatchObject({
      dryRun: true,
      fullCheck: true,
      alreadyImported: true,
      article: { id: first.body.article.id, slug: 'benefits-of-acupuncture-for-back-pain' },
    })
    expect(await counts()).toEqual(before)
  })

  it('rehearses a new article’s writes and rolls them back', async () => {
    const before = await counts()
    const md = fixture('md')
      .toString('utf8')
      .replace(/^# .*$/m, '# A Rehearsed Article')
    const dry = await upload('rehearsed.md', md)
    expect(dry.status).toBe(200)
    expect(dry.body).toMatchObject({ dryRun: true, fullCheck: true, alreadyImported: false })
    expect(dry.body.article).toBeUndefined()
    expect(await counts()).toEqual(before)
  })
})

/** A value with every Lexical state as its plain text and every `line` number dropped. */
const plainly = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    return value.map(plainly)
  }
  if (value && typeof value === 'object') {
    if ('root' in value) {
      return textOf(value).replace(/\s+/g, ' ').trim()
    }
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !['line', 'warnings', 'titleSource'].includes(key))
        .map(([key, v]) => [key, plainly(v)]),
    )
  }
  return value
}

describe('the demo article in four formats, compared whole', () => {
  const FORMATS = ['txt', 'html', 'md', 'docx'] as const

  it('parses to the same article: titles, bodies, perspectives, tips, table, quote, closing, CTA', async () => {
    const parsed = await Promise.all(
      FORMATS.map(async (ext) =>
        plainly((await parseImportFile(fixturePath(ext), fixture(ext))).parsed),
      ),
    )
    const txt = parsed[0] as { benefits: unknown[]; callToAction: unknown; quote: unknown }
    expect(txt.benefits).toHaveLength(8)
    expect(txt.callToAction).toBeDefined()
    expect(txt.quote).toBeDefined()
    for (const [k, other] of parsed.slice(1).entries()) {
      expect(other, FORMATS[k + 1]).toEqual(parsed[0])
    }
  })

  it('plans the same documents, their rich text read as plain text', async () => {
    const plans = await Promise.all(
      FORMATS.map(async (ext) =>
        plainly((await planImportFile(fixturePath(ext), fixture(ext), () => t.config)).plan),
      ),
    )
    for (const [k, other] of plans.slice(1).entries()) {
      expect(other, FORMATS[k + 1]).toEqual(plans[0])
    }
  })
})

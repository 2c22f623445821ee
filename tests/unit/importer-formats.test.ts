/**
 * The import formats without a database: the extension picks the format, each front-end reads
 * its markup into the same blocks, the four demo fixtures parse to the same article, and rich
 * inline content gets its claimRefs and lists as plain text does.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import type { RichParagraph } from '../../src/importer/richInline'

import { renderBlocks } from '../../src/importer/formats/blocks'
import { docxToHtml } from '../../src/importer/formats/fromDocx'
import { htmlToBlocks } from '../../src/importer/formats/fromHtml'
import { markdownToBlocks, plainMarkdown } from '../../src/importer/formats/fromMarkdown'
import { formatOf, parseImportFile } from '../../src/importer/formats/index'
import { FileImportError } from '../../src/importer/parse'
import { planImport, reportOf } from '../../src/importer/plan'
import { collapseInline, insertAtOffset, plainOf } from '../../src/importer/richInline'

const fixturePath = (ext: string) => path.resolve('tests/fixtures', `acupuncture-back-pain.${ext}`)
const text = (value: string, format = 0) => ({ type: 'text', text: value, format, detail: 0 })

describe('formatOf', () => {
  it('picks the format by extension, case-insensitively', () => {
    expect(
      ['a.txt', 'b.HTML', 'c.htm', 'd.md', 'e.markdown', 'f.Docx'].map((name) => formatOf(name)),
    ).toEqual(['text', 'html', 'html', 'markdown', 'markdown', 'docx'])
  })

  it('refuses any other extension with a sentence naming the supported ones', () => {
    expect(() => formatOf('scan.pdf')).toThrow(FileImportError)
    expect(() => formatOf('scan.pdf')).toThrow(/^\.pdf files cannot be imported; upload a Word/)
    expect(() => formatOf('README')).toThrow(/files without an extension cannot be imported/)
  })
})

describe('the demo article in four formats', () => {
  it('parses to the same benefits, tips, rows, quote and statistics', async () => {
    const reports = await Promise.all(
      ['txt', 'html', 'md', 'docx'].map(async (ext) => {
        const { parsed } = await parseImportFile(
          fixturePath(ext),
          fs.readFileSync(fixturePath(ext)),
        )
        return {
          report: reportOf(planImport(parsed)),
          perspectives: parsed.benefits.map((b) => b.perspective.length),
          quote: parsed.quote?.text,
          takeaways: parsed.keyTakeaways,
          steps: parsed.actionSteps,
          cta: parsed.callToAction?.text,
        }
      }),
    )
    expect(reports[0]?.report.claims).toBe(10)
    for (const other of reports.slice(1)) {
      expect(other).toEqual(reports[0])
    }
  })
})

describe('HTML', () => {
  it('finds the article among a page’s navigation, header, sidebar and footer', () => {
    const article = htmlToBlocks(fs.readFileSync(fixturePath('html'), 'utf8'))
    expect(article.title).toBe('Benefits of Acupuncture for Back Pain')
    const texts = article.blocks.map((b) => ('text' in b ? b.text : b.cells.join('|')))
    expect(texts.join('\n')).not.toMatch(/Recent Posts|Office Hours|Book now|555-0142|By Eric Tsai/)
    expect(texts).toContain('1. Natural Pain Reduction Without Medications')
  })

  it('reads a bare post fragment as it is, with lists, quotes and tables', () => {
    const { blocks } = htmlToBlocks(
      '<h2>1. Better Sleep</h2><p>Sleep <em>improves</em>.</p><ul><li>One<ul><li>Nested</li></ul></li></ul>' +
        '<blockquote><p>Rest well.</p><cite>Dr. A</cite></blockquote><table><tr><th>Aspect</th><th>Better Sleep</th></tr></table>',
    )
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: '1. Better Sleep' },
      { kind: 'paragraph', text: 'Sleep improves.', fragment: 'Sleep <em>improves</em>.' },
      { kind: 'listItem', text: 'One', fragment: 'One', depth: 0, ordered: false },
      { kind: 'listItem', text: 'Nested', fragment: 'Nested', depth: 1, ordered: false },
      { kind: 'quote', text: 'Rest well.', attribution: 'Dr. A' },
      { kind: 'tableRow', cells: ['Aspect', 'Better Sleep'] },
    ])
  })

  it('refuses an empty file and a page without an article', () => {
    expect(() => htmlToBlocks('  <!-- nothing -->  ')).toThrow(/the HTML file is empty/)
    expect(() => htmlToBlocks('<html><body><nav><a href="/">Home</a></nav></body></html>')).toThrow(
      /no article was found/,
    )
  })
})

describe('Markdown', () => {
  it('reads headings, joined paragraphs, nested lists, quotes and tables', () => {
    const { blocks, title } = markdownToBlocks(
      '# The Title\n\n## 1. Benefit\nA *first*\nline.\n\n- **Tip:** do [it](https://x.test)\n  - nested\n\n> “Quoted.”\n>\n> — Dr. B\n\n| Aspect | Benefit |\n|---|---|\n| Cost | Low |\n',
    )
    expect(title).toBe('The Title')
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: '1. Benefit' },
      { kind: 'paragraph', text: 'A first line.', fragment: 'A *first* line.' },
      {
        kind: 'listItem',
        text: 'Tip: do it',
        fragment: '**Tip:** do [it](https://x.test)',
        depth: 0,
        ordered: false,
      },
      { kind: 'listItem', text: 'nested', fragment: 'nested', depth: 1, ordered: false },
      { kind: 'quote', text: '“Quoted.”', attribution: 'Dr. B' },
      { kind: 'tableRow', cells: ['Aspect', 'Benefit'] },
      { kind: 'tableRow', cells: ['Cost', 'Low'] },
    ])
  })

  it('plain text drops inline markup but keeps the words', () => {
    expect(plainMarkdown('**Bold** and _it_ with [a link](u) and `code`, 5*3')).toBe(
      'Bold and it with a link and code, 5*3',
    )
  })
})

describe('Word', () => {
  it('refuses a file that is not a Word document, and a damaged one', async () => {
    await expect(docxToHtml(Buffer.from('hello'))).rejects.toThrow(/not a Word document/)
    const truncated = fs.readFileSync(fixturePath('docx')).subarray(0, 1500)
    await expect(docxToHtml(truncated)).rejects.toThrow(/could not be read/)
  })
})

describe('rendering blocks as the text layout', () => {
  it('writes the title line, headings, indented bullets, quotes and a table separator', () => {
    const rendered = renderBlocks(
      [
        { kind: 'heading', level: 2, text: '1. A' },
        { kind: 'listItem', text: 'x', fragment: 'x', depth: 1, ordered: true },
        { kind: 'quote', text: '“Q”', attribution: 'W' },
        { kind: 'tableRow', cells: ['Aspect', 'A | B'] },
        { kind: 'tableRow', cells: ['Cost', 'Low'] },
      ],
      'html',
      'T',
    )
    expect(rendered.text).toBe(
      'Title: T\n## 1. A\n  1. x\n“Q” — W\n| Aspect | A / B |\n|---|---|\n| Cost | Low |',
    )
    expect(rendered.fragments).toEqual([{ text: 'x', fragment: 'x', list: 'number' }])
  })
})

describe('rich inline content', () => {
  it('collapses whitespace across nodes as the parser collapses a line', () => {
    const nodes = collapseInline([
      text('  Hello  '),
      { type: 'link', children: [text(' world ')] },
      { type: 'linebreak' },
      text(' again '),
    ])
    expect(plainOf(nodes)).toBe('Hello world again')
  })

  it('splits a text node at an offset, and inserts after a link it falls in', () => {
    const ref = { type: 'inlineBlock' }
    expect(insertAtOffset([text('One. Two.')], 4, [ref])).toEqual([
      text('One.'),
      ref,
      text(' Two.'),
    ])
    const link = { type: 'link', children: [text('a link')] }
    expect(insertAtOffset([text('See '), link, text(' now')], 6, [ref])).toEqual([
      text('See '),
      link,
      ref,
      text(' now'),
    ])
  })

  it('the plan puts claimRefs in rich paragraphs and groups list items into one list', () => {
    const rich = new Map<string, RichParagraph>([
      [
        'Studies show 70% improve. It helps.',
        {
          text: 'Studies show 70% improve. It helps.',
          children: [text('Studies show '), text('70% improve', 1), text('. It helps.')],
        },
      ],
      ['First item', { text: 'First item', children: [text('First item', 2)], list: 'bullet' }],
      ['Second item', { text: 'Second item', children: [text('Second item')], list: 'bullet' }],
    ])
    const plan = planImport(
      {
        title: 'T',
        titleSource: 'title-line',
        slug: 't',
        intro: ['Studies show 70% improve. It helps.', 'First item', 'Second item'],
        benefits: [],
        nextStepsIntro: [],
        keyTakeaways: [],
        actionSteps: [],
        conclusion: [],
        warnings: [],
      },
      { rich: (p) => rich.get(p) },
    )
    const root = (plan.article.intro as { root: { children: Record<string, unknown>[] } }).root
    expect(root.children.map((c) => c.type)).toEqual(['paragraph', 'list'])
    const paragraph = root.children[0].children as Record<string, unknown>[]
    expect(paragraph.map((n) => n.type)).toEqual(['text', 'text', 'text', 'inlineBlock', 'text'])
    expect(paragraph[1]).toMatchObject({ text: '70% improve', format: 1 })
    expect(paragraph[2]).toMatchObject({ text: '.' })
    expect(plan.claims.map((c) => c.text)).toEqual(['70%'])
    const list = root.children[1].children as Record<string, unknown>[]
    expect(list).toHaveLength(2)
    expect(list[0]).toMatchObject({
      type: 'listitem',
      children: [{ text: 'First item', format: 2 }],
    })
  })
})

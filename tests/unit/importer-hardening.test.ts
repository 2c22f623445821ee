/**
 * The import formats against hostile and real-world files, without a database: a Word document
 * that unpacks to far more than it weighs and an oversize HTML file are refused quickly; Word's
 * automatic heading numbering and Markdown's ordered lists keep their numbers; a paragraph that
 * starts with a number is not taken for a section when the sections are headings, and no message
 * shows the internal line numbers; Markdown front matter, reference links and images.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'

import { linkUrlError } from '../../src/evidence/locators'
import { markdownToBlocks } from '../../src/importer/formats/fromMarkdown'
import { parseImportFile } from '../../src/importer/formats/index'
import { FileImportError } from '../../src/importer/parse'

const bytes = (text: string) => new TextEncoder().encode(text)

/** A small .docx whose document.xml unpacks to `megabytes` MB of one repeated paragraph. */
async function zipBomb(megabytes: number): Promise<Uint8Array> {
  const paragraph = '<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>'
  const body = paragraph.repeat(Math.ceil((megabytes * 1024 * 1024) / paragraph.length))
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  )
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  )
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  })
}

const refusal = async (name: string, file: Uint8Array): Promise<FileImportError> => {
  const error = await parseImportFile(name, file).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(FileImportError)
  return error as FileImportError
}

describe('files that unpack to more than an article needs', () => {
  it('refuses a zip-bomb-like .docx from its central directory, before mammoth reads it', async () => {
    const file = await zipBomb(40)
    expect(file.length).toBeLessThan(1024 * 1024)
    const started = Date.now()
    const error = await refusal('bomb.docx', file)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(error.message).toMatch(
      /this Word document unpacks to 40 MB; the limit is 20 MB\. An article is much smaller/,
    )
  })

  it('refuses a .docx that unpacks to over 100 times its size even under the size limit', async () => {
    const error = await refusal('dense.docx', await zipBomb(5))
    expect(error.message).toMatch(/unpacks to 5 MB from .* times its size; the limit is 100 times/)
  })

  it('refuses a .docx whose directory understates its sizes, when inflating it', async () => {
    const file = Buffer.from(await zipBomb(30))
    // Rewrite every stated uncompressed size to 1 KB: the archive now lies.
    const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    let at = file.readUInt32LE(eocd + 16)
    for (let n = file.readUInt16LE(eocd + 10); n > 0; n--) {
      file.writeUInt32LE(1024, at + 24)
      at +=
        46 + file.readUInt16LE(at + 28) + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32)
    }
    const error = await refusal('liar.docx', file)
    expect(error.message).toMatch(/unpacks to more than 20 MB; the limit is 20 MB/)
  })

  it('refuses HTML and Markdown over 2 MB of text, quickly', async () => {
    const html = `<html><body><article>${'<p>Filler text for a page.</p>'.repeat(90_000)}</article></body></html>`
    const started = Date.now()
    const error = await refusal('huge.html', bytes(html))
    expect(Date.now() - started).toBeLessThan(1000)
    expect(error.message).toMatch(/this HTML file holds 2\.\d MB of text; the limit is 2 MB/)
    const md = await refusal('huge.md', bytes('Filler text.\n\n'.repeat(200_000)))
    expect(md.message).toMatch(/this Markdown file holds 2\.\d MB of text; the limit is 2 MB/)
  })
})

describe('link addresses in article text', () => {
  it('allows http(s), mailto, tel and relative links, and nothing else', () => {
    for (const ok of [
      'https://example.com/a',
      'http://example.com',
      'mailto:info@example.com',
      'tel:+15550142',
      '/contact',
      '#benefits',
      'page.html',
      '//cdn.example.com/x',
    ]) {
      expect(linkUrlError(ok), ok).toBeNull()
    }
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
    ]) {
      expect(linkUrlError(bad), bad).not.toBeNull()
    }
  })
})

/** A short article with two numbered sections, written as `section(n, title)` says. */
const sections = (section: (n: number, title: string) => string): string =>
  [section(1, 'Better Sleep'), section(2, 'Less Pain')].join('\n\n')

describe('numbered sections keep their numbers', () => {
  it('numbers Word headings that use automatic numbering', async () => {
    const heading = (text: string) =>
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        numbering: { reference: 'sections', level: 0 },
        children: [new TextRun(text)],
      })
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'sections',
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Sleep Well')] }),
            new Paragraph('An introduction.'),
            heading('Better Sleep'),
            new Paragraph('Sleep improves with treatment.'),
            heading('Less Pain'),
            new Paragraph('Pain eases over weeks.'),
          ],
        },
      ],
    })
    const file = await Packer.toBuffer(doc)
    const { parsed } = await parseImportFile('sleep.docx', file)
    expect(parsed.title).toBe('Sleep Well')
    expect(parsed.benefits.map((b) => [b.number, b.title, b.body])).toEqual([
      [1, 'Better Sleep', ['Sleep improves with treatment.']],
      [2, 'Less Pain', ['Pain eases over weeks.']],
    ])
  })

  it('reads a Markdown ordered list of bold titles as the numbered sections', async () => {
    const md = `# Sleep Well\n\nAn introduction.\n\n${sections((n, t) => `${n}. **${t}**\n\n${t} body text.`)}\n`
    const { parsed } = await parseImportFile('sleep.md', bytes(md))
    expect(parsed.benefits.map((b) => [b.number, b.title, b.body])).toEqual([
      [1, 'Better Sleep', ['Better Sleep body text.']],
      [2, 'Less Pain', ['Less Pain body text.']],
    ])
  })

  it('reads an HTML ordered list by its start and values', async () => {
    const html =
      '<h1>Sleep Well</h1><p>Intro.</p><ol><li><strong>Better Sleep</strong></li></ol><p>Body one.</p>' +
      '<ol start="2"><li><strong>Less Pain</strong></li></ol><p>Body two.</p>'
    const { parsed } = await parseImportFile('sleep.html', bytes(html))
    expect(parsed.benefits.map((b) => [b.number, b.title])).toEqual([
      [1, 'Better Sleep'],
      [2, 'Less Pain'],
    ])
  })
})

describe('paragraph text is not read as layout', () => {
  it('keeps a numbered paragraph in its section when the sections are headings', async () => {
    const html =
      '<h1>Sleep Well</h1><p>Intro.</p><h2>1. Better Sleep</h2><p>Sleep improves.</p>' +
      '<p>2. Always Ask Your Doctor First</p><h2>2. Less Pain</h2><p>Pain eases.</p>'
    const { parsed } = await parseImportFile('sleep.html', bytes(html))
    expect(parsed.benefits.map((b) => [b.number, b.title, b.body])).toEqual([
      [
        1,
        'Better Sleep',
        ['Sleep improves.', expect.stringMatching(/Always Ask Your Doctor First$/)],
      ],
      [2, 'Less Pain', ['Pain eases.']],
    ])
  })

  it('names the text, never an internal line number, in a rich format’s error', async () => {
    const html =
      '<h1>Sleep Well</h1><p>Intro.</p><h2>1. Better Sleep</h2><p>Body.</p><h2>1. Less Pain</h2><p>Body.</p>'
    const error = await refusal('sleep.html', bytes(html))
    expect(error.message).toMatch(
      /section number 1 is used twice \(also at “1\. Better Sleep”\) \(at “1\. Less Pain”\)/,
    )
    expect(error.message).not.toMatch(/line \d/)
  })
})

describe('Markdown as real tools export it', () => {
  it('strips YAML front matter and takes its title when there is no H1', async () => {
    const md = `---\ntitle: "Sleep Well"\ndate: 2024-05-01\ntags: [sleep]\n---\n\nAn introduction.\n\n${sections((n, t) => `## ${n}. ${t}\n\n${t} body text.`)}\n`
    const { parsed } = await parseImportFile('post.md', bytes(md))
    expect(parsed.title).toBe('Sleep Well')
    expect(parsed.intro).toEqual(['An introduction.'])
    expect(JSON.stringify(parsed)).not.toMatch(/date: 2024|tags/)
  })

  it('resolves reference-style links and takes their definitions out of the text', () => {
    const { blocks } = markdownToBlocks(
      'Read [our guide][guide], the [FAQ][] and [Contact].\n\n[guide]: https://example.com/guide "Guide"\n[faq]: <https://example.com/faq>\n[contact]: /contact\n',
    )
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        text: 'Read our guide, the FAQ and Contact.',
        fragment:
          'Read [our guide](https://example.com/guide), the [FAQ](https://example.com/faq) and [Contact](/contact).',
      },
    ])
  })

  it('keeps the call to action that a reference link is in', async () => {
    const md = `# Sleep Well\n\nIntro.\n\n${sections((n, t) => `## ${n}. ${t}\n\n${t} body text.`)}\n\n## Final Thoughts\n\nRest is part of healing.\n\nReady to sleep better? [Schedule your consultation today][book] with our clinic.\n\n[book]: https://example.com/book\n`
    const { parsed, rendered } = await parseImportFile('post.md', bytes(md))
    expect(rendered?.fragments.at(-1)?.fragment).toMatch(
      /\[Schedule your consultation today\]\(https:\/\/example\.com\/book\)/,
    )
    expect(parsed.conclusion).toEqual(['Rest is part of healing.'])
    expect(parsed.callToAction?.text).toBe(
      'Ready to sleep better? Schedule your consultation today with our clinic.',
    )
  })

  it('drops images, as an HTML page’s are', () => {
    const { blocks } = markdownToBlocks(
      '![A chart](chart.png)\n\nSee ![inline](x.png) the text ![ref][img].\n\n[img]: pic.png\n',
    )
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'See the text .', fragment: 'See the text .' },
    ])
  })
})

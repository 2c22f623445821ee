import { JSDOM } from 'jsdom'
/**
 * A Word document (.docx) into article blocks: mammoth turns it into HTML — Word's heading
 * styles into `<h1>`…`<h6>`, its lists, tables, links, bold and italics into theirs, and the
 * "Quote" styles into `<blockquote>` — and the HTML is read as any other (`./fromHtml.ts`).
 */
import mammoth from 'mammoth'

import type { HtmlArticle } from './fromHtml'

import { FileImportError } from '../parse/ImportError'
import { blocksOfDocument } from './fromHtml'

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
]

interface MammothElement {
  type: string
  styleName?: string | null
  styleId?: string | null
  numbering?: { isOrdered?: boolean; level?: string } | null
  children?: MammothElement[]
  value?: string
}

const isHeadingStyle = (p: MammothElement): boolean =>
  /^heading\s*\d$/i.test(p.styleName ?? '') || /^heading\d$/i.test(p.styleId ?? '')

/**
 * Word numbers a heading with automatic numbering ("1." before "Natural Pain Reduction") when it
 * shows the document; mammoth leaves the number out. Each numbered heading gets its number as
 * text: counted per numbering list and level, a deeper level starting again after a shallower one.
 */
function numberHeadings(document: MammothElement): MammothElement {
  const counters = new Map<object, number>()
  const levels = new Map<object, number>()
  const visit = (element: MammothElement): void => {
    if (element.type === 'paragraph') {
      const numbering = element.numbering
      if (numbering && numbering.isOrdered && isHeadingStyle(element)) {
        const level = Number(numbering.level ?? 0)
        for (const [other, otherLevel] of levels) {
          if (otherLevel > level) {
            counters.delete(other)
          }
        }
        const n = (counters.get(numbering) ?? 0) + 1
        counters.set(numbering, n)
        levels.set(numbering, level)
        element.children = [
          { type: 'run', children: [{ type: 'text', value: `${n}. ` }] },
          ...(element.children ?? []),
        ]
      }
      return
    }
    element.children?.forEach(visit)
  }
  visit(document)
  return document
}

/** The HTML of a .docx file; a file that is not a Word document is a `FileImportError`. */
export async function docxToHtml(bytes: Buffer): Promise<string> {
  // A .docx is a zip archive: "PK" first.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new FileImportError(
      'this .docx file is not a Word document (it may be damaged, or another kind of file renamed); open it in Word, save it as .docx and upload it again',
    )
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap: STYLE_MAP,
        // Pictures are dropped (as in HTML): never read or base64-encoded.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: numberHeadings,
      },
    )
    return result.value
  } catch {
    throw new FileImportError(
      'this .docx file could not be read (it may be damaged); open it in Word, save it as .docx and upload it again',
    )
  }
}

export async function docxToBlocks(bytes: Buffer): Promise<HtmlArticle> {
  const html = await docxToHtml(bytes)
  const article = blocksOfDocument(new JSDOM(`<body>${html}</body>`).window.document)
  if (article.blocks.length === 0) {
    throw new FileImportError('this Word document has no text')
  }
  return article
}

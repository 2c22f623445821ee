/**
 * The import formats, chosen by the file's extension: `.txt` (the clinic text layout), `.html`
 * and `.htm` (a saved web page or a WordPress post), `.md` and `.markdown`, and `.docx` (Word).
 * Each rich format is read into the same blocks (`./blocks.ts`), written as the text layout and
 * parsed by the one text parser, so a benefit, a tip or a comparison row means the same in
 * every format; then its paragraphs' markup is converted to Lexical for the plan.
 *
 * Errors are `ImportError`s; a problem with the file as a whole is a `FileImportError`, and a
 * parser error in a rich format names the text it was found at instead of a line number.
 */
import type { SanitizedConfig } from 'payload'

import type { ImportWarning, ParsedArticle } from '../parse'
import type { ImportPlan } from '../plan'
import type { ArticleBlock, RenderedArticle } from './blocks'

import { ImportError, parseArticle } from '../parse'
import { FileImportError } from '../parse/ImportError'
import { normalizeInput } from '../parse/input'
import { planImport } from '../plan'
import { renderBlocks } from './blocks'
import { markdownToBlocks } from './fromMarkdown'
import { checkDocxSize, checkTextSize, MAX_TEXT_CHARS } from './limits'

export type ImportFormat = 'docx' | 'html' | 'markdown' | 'text'

const EXTENSIONS: Record<string, ImportFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
}

/** The extensions an import accepts, for messages and the upload field. */
export const IMPORT_EXTENSIONS = Object.keys(EXTENSIONS)

/** The format of a file by its name; any other extension is a `FileImportError`. */
export function formatOf(fileName: string): ImportFormat {
  const match = /\.[^./\\]+$/.exec(fileName.trim().toLowerCase())
  const format = match ? EXTENSIONS[match[0]] : undefined
  if (!format) {
    const what = match ? `${match[0]} files` : 'files without an extension'
    throw new FileImportError(
      `${what} cannot be imported; upload a Word document (.docx), a web page (.html or .htm), Markdown (.md) or plain text (.txt)`,
    )
  }
  return format
}

export interface ParsedImport {
  format: ImportFormat
  parsed: ParsedArticle
  /** The article as the text layout, for the rich formats. */
  rendered?: RenderedArticle
}

const decode = (bytes: Uint8Array): string =>
  new TextDecoder('utf-8', { fatal: false }).decode(bytes)

/** The whole-file checks of the text format (empty, binary, not UTF-8), for HTML and Markdown. */
function checkText(text: string, kind: string): void {
  try {
    normalizeInput(text)
  } catch (error) {
    if (error instanceof ImportError) {
      throw new FileImportError(`this ${kind} file: ${error.reason}`)
    }
    throw error
  }
}

async function blocksOf(
  format: Exclude<ImportFormat, 'text'>,
  bytes: Uint8Array,
): Promise<{ blocks: ArticleBlock[]; title?: string }> {
  // jsdom, Readability and mammoth are loaded only for the formats that need them.
  if (format === 'docx') {
    const buffer = Buffer.from(bytes)
    // Before mammoth: a small archive can unpack to more than any article needs.
    checkDocxSize(buffer)
    const { docxToBlocks } = await import('./fromDocx')
    return docxToBlocks(buffer)
  }
  const kind = format === 'html' ? 'HTML' : 'Markdown'
  // A few bytes per character at most: a file this long is refused before it is decoded.
  if (bytes.length > 4 * MAX_TEXT_CHARS) {
    checkTextSize(decode(bytes.subarray(0, 4 * MAX_TEXT_CHARS + 4)), kind)
  }
  const text = decode(bytes)
  checkTextSize(text, kind)
  checkText(text, kind)
  if (format === 'html') {
    const { htmlToBlocks } = await import('./fromHtml')
    return htmlToBlocks(text)
  }
  return markdownToBlocks(text)
}

/** The text of line `line` of the rendered text, quoted and shortened, for a message. */
const quoted = (rendered: RenderedArticle, line: number): string | undefined => {
  const text = rendered.lineTexts[line - 1]
  return text ? `“${text.length > 60 ? `${text.slice(0, 60)}…` : text}”` : undefined
}

/** Where line `line` of the rendered text came from, for a message. */
const near = (rendered: RenderedArticle, line: number): string => {
  const text = line > 1 ? quoted(rendered, line) : undefined
  return text ? ` (at ${text})` : ''
}

/**
 * A parser message with the rendered text's line numbers ("also on line 6", "(line 12)")
 * replaced by the text they point at: those numbers mean nothing to whoever wrote the file.
 */
const withoutLineNumbers = (rendered: RenderedArticle, message: string): string =>
  message
    .replace(/\bon line (\d+)\b/g, (all, n: string) => {
      const text = quoted(rendered, Number(n))
      return text ? `at ${text}` : 'elsewhere'
    })
    .replace(/\(line (\d+)\)/g, (all, n: string) => {
      const text = quoted(rendered, Number(n))
      return text ? `(at ${text})` : ''
    })

/** Reads and parses an article file of any supported format. Throws `ImportError`s. */
export async function parseImportFile(fileName: string, bytes: Uint8Array): Promise<ParsedImport> {
  const format = formatOf(fileName)
  if (format === 'text') {
    return { format, parsed: parseArticle(decode(bytes), { fileName }) }
  }
  const { blocks, title } = await blocksOf(format, bytes)
  const rendered = renderBlocks(blocks, format === 'markdown' ? 'markdown' : 'html', title)
  let parsed: ParsedArticle
  try {
    parsed = parseArticle(rendered.text, { fileName, notHeadings: rendered.notHeadings })
  } catch (error) {
    if (error instanceof ImportError && !(error instanceof FileImportError)) {
      throw new FileImportError(
        `${withoutLineNumbers(rendered, error.reason.replace(/expected lines like/, 'expected headings like'))}${near(rendered, error.line)}`,
      )
    }
    throw error
  }
  // Line numbers of the rendered text mean nothing to whoever wrote the file: name the text.
  const warnings: ImportWarning[] = parsed.warnings.map((w) => ({
    line: 0,
    message: `${withoutLineNumbers(rendered, w.message)}${near(rendered, w.line)}`,
  }))
  return { format, parsed: { ...parsed, warnings }, rendered }
}

export interface PlannedImport {
  format: ImportFormat
  plan: ImportPlan
}

/**
 * Parses and plans an article file. A rich format needs the app's Payload config for the
 * Lexical converters; `config` is only called for one.
 */
export async function planImportFile(
  fileName: string,
  bytes: Uint8Array,
  config: () => Promise<SanitizedConfig> | SanitizedConfig,
): Promise<PlannedImport> {
  const { format, parsed, rendered } = await parseImportFile(fileName, bytes)
  if (!rendered) {
    return { format, plan: planImport(parsed) }
  }
  // Loaded here: a .txt import needs neither Payload's converters nor jsdom.
  const { editorConfigOf, richParagraphs } = await import('./richText')
  const warnings = [...parsed.warnings]
  const rich = richParagraphs(rendered, await editorConfigOf(await config()), warnings)
  return { format, plan: planImport({ ...parsed, warnings }, { rich }) }
}

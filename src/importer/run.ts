/**
 * One import from a file on disk, as `npm run import` runs it: read, parse (in the format its
 * extension names), plan, and — unless a dry run — write in one transaction.
 */
import type { Payload, SanitizedConfig } from 'payload'

import type { ImportFormat } from './formats'
import type { ImportReport } from './plan'

import { formatOf, planImportFile } from './formats'
import { reportOf } from './plan'
import { readArticleBytes } from './readArticleFile'

export interface ImportOutcome {
  report: ImportReport & { alreadyImported?: boolean; articleId?: number | string }
  format: ImportFormat
  alreadyImported: boolean
  /** `line` is 0 for a warning of a Word, HTML or Markdown file (its message names the text). */
  warnings: { line: number; message: string }[]
}

/**
 * How a real import reaches Payload: called once the file has parsed, so that malformed input (or a
 * dry run) never opens a database. The caller owns the instance it returns and destroys it.
 */
export type OpenPayload = () => Promise<Payload>

/**
 * The app's Payload config, without a database connection: Word, HTML and Markdown imports
 * convert their rich text with the app's Lexical editor config, a dry run too.
 */
export type LoadConfig = () => Promise<SanitizedConfig>

/**
 * Reads, parses and plans an article file; unless `dryRun`, writes it with the Payload that
 * `openPayload` gives. Malformed input throws an ImportError before anything is written.
 */
export async function importArticleFile(
  file: string,
  options: ({ dryRun: true } | { dryRun: false; openPayload: OpenPayload }) & {
    loadConfig?: LoadConfig
  },
): Promise<ImportOutcome> {
  // An unsupported type is refused before the file is read.
  formatOf(file)
  const bytes = await readArticleBytes(file)
  const { format, plan } = await planImportFile(file, bytes, async () => {
    if (!options.loadConfig) {
      throw new Error('importArticleFile: a Word, HTML or Markdown import needs loadConfig')
    }
    return options.loadConfig()
  })
  const report = reportOf(plan)
  if (options.dryRun) {
    return { report, format, alreadyImported: false, warnings: plan.warnings }
  }

  // Loaded here: a dry run needs neither Payload nor the writer.
  const { writeImport } = await import('./write')
  const result = await writeImport(await options.openPayload(), plan)
  return {
    report: { ...report, alreadyImported: result.alreadyImported, articleId: result.articleId },
    format,
    alreadyImported: result.alreadyImported,
    warnings: plan.warnings,
  }
}

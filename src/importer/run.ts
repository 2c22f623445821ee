import type { Payload } from 'payload'

import type { ImportReport } from './plan'

import { parseArticle } from './parse'
import { planImport, reportOf } from './plan'
import { readArticleFile } from './readArticleFile'

export interface ImportOutcome {
  report: ImportReport & { alreadyImported?: boolean; articleId?: number | string }
  alreadyImported: boolean
  warnings: { line: number; message: string }[]
}

/**
 * How a real import reaches Payload: called once the file has parsed, so that malformed input (or a
 * dry run) never opens a database. The caller owns the instance it returns and destroys it.
 */
export type OpenPayload = () => Promise<Payload>

/**
 * Reads, parses and plans an article file; unless `dryRun`, writes it with the Payload that
 * `openPayload` gives. Malformed input throws an ImportError before anything is written.
 */
export async function importArticleFile(
  file: string,
  options: { dryRun: true } | { dryRun: false; openPayload: OpenPayload },
): Promise<ImportOutcome> {
  const text = await readArticleFile(file)
  const plan = planImport(parseArticle(text, { fileName: file }))
  const report = reportOf(plan)
  if (options.dryRun) {
    return { report, alreadyImported: false, warnings: plan.warnings }
  }

  // Loaded here: a dry run needs neither Payload nor the writer.
  const { writeImport } = await import('./write')
  const result = await writeImport(await options.openPayload(), plan)
  return {
    report: { ...report, alreadyImported: result.alreadyImported, articleId: result.articleId },
    alreadyImported: result.alreadyImported,
    warnings: plan.warnings,
  }
}

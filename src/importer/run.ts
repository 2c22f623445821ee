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
 * Reads, parses and plans an article file; unless `dryRun`, writes it with the app's Payload
 * (loaded lazily, so a dry run needs no database). Malformed input throws an ImportError before
 * anything is written.
 */
export async function importArticleFile(
  file: string,
  options: { dryRun: boolean; quiet?: boolean },
): Promise<ImportOutcome> {
  const text = await readArticleFile(file)
  const plan = planImport(parseArticle(text, { fileName: file }))
  const report = reportOf(plan)
  if (options.dryRun) return { report, alreadyImported: false, warnings: plan.warnings }

  const [{ getPayload }, { default: config }, { writeImport }] = await Promise.all([
    import('payload'),
    import('@payload-config'),
    import('./write'),
  ])
  const resolved = await config
  // Quiet: Payload's logger writes straight to stdout, which a --json report must have alone.
  const payload = await getPayload({
    config: options.quiet ? ({ ...resolved, logger: { options: { enabled: false } } } as typeof resolved) : resolved,
  })
  try {
    const result = await writeImport(payload, plan)
    return {
      report: { ...report, alreadyImported: result.alreadyImported, articleId: result.articleId },
      alreadyImported: result.alreadyImported,
      warnings: plan.warnings,
    }
  } finally {
    await payload.destroy()
    // The postgres adapter leaves its pool open on destroy (and ending it can wait on the jobs
    // runner): when the database stops under it, its idle connections must not crash the CLI.
    ;(payload.db as { pool?: { on: (event: 'error', listener: () => void) => void } }).pool?.on('error', () => {})
  }
}

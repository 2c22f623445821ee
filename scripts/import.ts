/**
 * npm run import -- <file> [--dry-run] [--json]
 *
 * Turns an article into an article draft with its benefits, aftercare tips, comparison rows and
 * one draft claim per statistic (no sources: they stay in draft until someone cites them). The
 * extension picks the format: .txt (the clinic text layout), .html/.htm (a saved web page or a
 * WordPress post), .md, or .docx (Word); any other is refused. `--dry-run` writes nothing;
 * `--json` prints one JSON report.
 */
import type { Payload } from 'payload'

import './lib/keepAlive'
import { ImportError } from '../src/importer/parse'
import { importArticleFile } from '../src/importer/run'
import { withDatabase } from './lib/database'
import { jsonOutput } from './lib/jsonOutput'

const args = process.argv.slice(2)
const flags = new Set(args.filter((arg) => arg.startsWith('--')))
const files = args.filter((arg) => !arg.startsWith('--'))
const json = flags.has('--json')
const dryRun = flags.has('--dry-run')

if (files.length !== 1) {
  console.error('usage: npm run import -- <file> [--dry-run] [--json]')
  process.exit(2)
}

const writeReport = jsonOutput(json)

/** The app's config, for the Lexical converters of a Word, HTML or Markdown import. */
const loadAppConfig = async () => (await import('../payload.config')).default

/**
 * The app's Payload, loaded only once the file has parsed (the config reads DATABASE_URL when it is
 * first imported). Quiet: Payload's logger writes straight to stdout, which a --json report must
 * have alone.
 */
async function openAppPayload(quiet: boolean): Promise<Payload> {
  const [{ getPayload }, { default: configPromise }] = await Promise.all([
    import('payload'),
    import('../payload.config'),
  ])
  const config = await configPromise
  return getPayload({
    config: quiet
      ? ({ ...config, logger: { options: { enabled: false } } } as typeof config)
      : config,
  })
}

/** Ends the import's Payload. */
async function closePayload(payload: Payload): Promise<void> {
  await payload.destroy()
  // The postgres adapter leaves its pool open on destroy (and ending it can wait on the jobs
  // runner): when the database stops under it, its idle connections must not crash the CLI.
  ;(payload.db as { pool?: { on: (event: 'error', listener: () => void) => void } }).pool?.on(
    'error',
    () => {},
  )
}

try {
  const outcome = await (dryRun
    ? importArticleFile(files[0], { dryRun: true, loadConfig: loadAppConfig })
    : withDatabase(async (env) => {
        process.env.DATABASE_URL = env.DATABASE_URL
        let payload: Payload | undefined
        try {
          return await importArticleFile(files[0], {
            dryRun: false,
            loadConfig: loadAppConfig,
            openPayload: async () => (payload = await openAppPayload(json)),
          })
        } finally {
          if (payload) {
            await closePayload(payload)
          }
        }
      }))
  if (json) {
    writeReport(`${JSON.stringify(outcome.report, null, 2)}\n`)
  } else {
    const r = outcome.report
    const verb = dryRun
      ? 'Would import'
      : outcome.alreadyImported
        ? 'Already imported (nothing written):'
        : 'Imported'
    console.log(`${verb} “${r.article.title}” (/${r.article.slug})`)
    console.log(
      `  ${r.benefits} benefits, ${r.aftercareTips} aftercare tips, ${r.comparisonRows} comparison rows (${r.comparisonCells} cells), ${r.claims} draft claims`,
    )
    console.log(`  ${r.uncitedStatistics.length} statistics need a source:`)
    for (const s of r.uncitedStatistics) {
      console.log(`  - "${s.text}" in ${s.location}`)
    }
    for (const w of outcome.warnings) {
      console.log(w.line > 0 ? `  note: line ${w.line}: ${w.message}` : `  note: ${w.message}`)
    }
  }
  process.exit(0)
} catch (error) {
  if (error instanceof ImportError) {
    console.error(`Import failed, nothing was written — ${error.message}`)
    process.exit(1)
  }
  throw error
}

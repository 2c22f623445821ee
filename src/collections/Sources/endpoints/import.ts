/**
 * `POST /api/sources/import` with `{ text, dryRun? }`: creates sources from pasted references —
 * BibTeX, RIS, CSL-JSON, a PubMed export (MEDLINE/.nbib), or DOIs and PMIDs (looked up at
 * Crossref and NCBI) — and answers `{ format, dryRun, created, duplicates, errors }`, one item per
 * pasted entry. Allowed to whoever may create sources. With `dryRun: true` nothing is written and
 * `created` lists what would be created (the admin's preview). See `importer/sources/write.ts`.
 */
import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { UnreadableReferencesError } from '../../../evidence/references/parse'
import { isObject, readBody, refusal } from '../../../http/body'
import { importSources, SourceImportRefusedError } from '../../../importer/sources/write'
import { SOURCES_SLUG } from '../../../shared/slugs'

/** The longest text one import takes (a few hundred references in any format). */
export const MAX_IMPORT_TEXT_LENGTH = 2_000_000

export const SOURCES_IMPORT_PATH = '/import'

const answer = (status: number, message: string, field?: string): Response =>
  refusal(status, message, field)

/** The sources collection's own `create` rule (with any override the host gave it). */
async function mayCreateSources(req: PayloadRequest): Promise<boolean> {
  const rule = req.payload.collections[SOURCES_SLUG]?.config.access.create
  return rule ? Boolean(await rule({ req })) : Boolean(req.user)
}

const handler: PayloadHandler = async (req) => {
  if (!req.user) {
    return answer(401, 'Log in to import sources.')
  }
  if (!(await mayCreateSources(req))) {
    return answer(
      403,
      'Your account may not add sources. Ask an editor or an admin to import them.',
    )
  }
  const read = await readBody(req, 'the references as JSON: { "text": "…" }')
  if ('refused' in read) {
    return read.refused
  }
  if (!isObject(read.data)) {
    return answer(400, 'Send the references as a JSON object: { "text": "…" }.', 'body')
  }
  const { text, dryRun } = read.data
  if (typeof text !== 'string' || text.trim() === '') {
    return answer(
      400,
      'Paste the references to import in “text”: BibTeX, RIS, CSL-JSON, a PubMed export (MEDLINE/.nbib), or DOIs and PubMed IDs, one per line.',
      'text',
    )
  }
  if (text.length > MAX_IMPORT_TEXT_LENGTH) {
    return answer(
      400,
      `This text is too long to import at once (${text.length.toLocaleString('en')} characters; at most ${MAX_IMPORT_TEXT_LENGTH.toLocaleString('en')}). Import it in parts.`,
      'text',
    )
  }
  if (dryRun !== undefined && typeof dryRun !== 'boolean') {
    return answer(400, '“dryRun” is true (preview, nothing is saved) or false.', 'dryRun')
  }
  try {
    const result = await importSources(req, { text, dryRun: dryRun === true })
    return Response.json(result, {
      status: 200,
      headers: { 'Cache-Control': 'no-store' },
    })
  } catch (error) {
    if (error instanceof UnreadableReferencesError || error instanceof SourceImportRefusedError) {
      return answer(400, error.message, 'text')
    }
    throw error
  }
}

export const importSourcesEndpoint: Endpoint = {
  path: SOURCES_IMPORT_PATH,
  method: 'post',
  handler,
}

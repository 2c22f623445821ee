/**
 * `POST /api/cited/import-article` (multipart: `file`, and `_payload` `{"confirm": true}` to
 * write): the admin's "Import article" view. Without `confirm` it is a dry run — the report of
 * what would be created and every statistic that needs a source, nothing written; with it the
 * article is written as a draft with its benefits, tips, rows and draft claims, in one
 * transaction, as the logged-in editor. A file that cannot be imported (an unsupported type, a
 * damaged Word document, a page without an article) is a 400 whose message says why; nothing is
 * written. Editors and admins only.
 */
import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import fs from 'node:fs/promises'
import { addDataAndFileToRequest } from 'payload'

import type { ImportFormat } from '../importer/formats'
import type { ImportReport } from '../importer/plan'

import { planImportFile } from '../importer/formats'
import { ImportError } from '../importer/parse'
import { reportOf } from '../importer/plan'
import { writeImport } from '../importer/write'
import { hasRole } from '../shared/roles'
import { ARTICLES_SLUG } from '../shared/slugs'

export const IMPORT_ARTICLE_PATH = '/cited/import-article'

/** Larger uploads are refused before they are read. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

export interface ImportArticleResult {
  dryRun: boolean
  fileName: string
  format: ImportFormat
  report: ImportReport
  warnings: { line: number; message: string }[]
  /** After a confirmed import: the article written (or found: `alreadyImported`). */
  article?: { id: number | string; title: string; slug: string; adminUrl: string }
  alreadyImported?: boolean
}

const error = (message: string, status: number): Response =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })

const isConfirmed = (req: PayloadRequest): boolean => {
  const data = req.data as undefined | { confirm?: unknown }
  const query = req.searchParams?.get('confirm')
  return data?.confirm === true || data?.confirm === 'true' || query === 'true' || query === '1'
}

async function uploadedBytes(file: NonNullable<PayloadRequest['file']>): Promise<Buffer> {
  if (file.data.length === 0 && file.tempFilePath) {
    return fs.readFile(file.tempFilePath)
  }
  return file.data
}

const handler: PayloadHandler = async (req) => {
  if (!req.user) {
    return error('Log in to import an article.', 401)
  }
  if (!hasRole(req.user, 'editor') && !hasRole(req.user, 'admin')) {
    return error('Only editors and admins can import articles.', 403)
  }
  try {
    await addDataAndFileToRequest(req)
  } catch {
    return error('The upload could not be read; choose the file again and retry.', 400)
  }
  const file = req.file
  if (!file || !file.name) {
    return error('Choose a file to import (.docx, .html, .htm, .md or .txt).', 400)
  }
  if (file.size > MAX_IMPORT_BYTES) {
    return error(
      `“${file.name}” is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; an article file is much smaller.`,
      400,
    )
  }
  const dryRun = !isConfirmed(req)
  try {
    const { format, plan } = await planImportFile(
      file.name,
      await uploadedBytes(file),
      () => req.payload.config,
    )
    const result: ImportArticleResult = {
      dryRun,
      fileName: file.name,
      format,
      report: reportOf(plan),
      warnings: plan.warnings,
    }
    if (!dryRun) {
      const written = await writeImport(req.payload, plan, { user: req.user })
      result.alreadyImported = written.alreadyImported
      result.article = {
        id: written.articleId,
        title: plan.article.title,
        slug: plan.article.slug,
        adminUrl: `${req.payload.config.routes.admin}/collections/${ARTICLES_SLUG}/${written.articleId}`,
      }
    }
    return Response.json(result, {
      status: dryRun || result.alreadyImported ? 200 : 201,
      headers: { 'Cache-Control': 'no-store' },
    })
  } catch (caught) {
    if (caught instanceof ImportError) {
      return error(`“${file.name}” was not imported, nothing was written: ${caught.message}`, 400)
    }
    throw caught
  }
}

export const importArticleEndpoint: Endpoint = {
  path: IMPORT_ARTICLE_PATH,
  method: 'post',
  handler,
}

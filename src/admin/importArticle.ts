/**
 * `POST /api/cited/import-article` (multipart: `file`, and `_payload` `{"confirm": true}` to
 * write): the admin's "Import article" view. Without `confirm` it is a dry run — the report of
 * what would be created and every statistic that needs a source, nothing written: the import is
 * rehearsed in a transaction that is rolled back, so the dry run meets what the confirm would (a
 * slug already taken, a validation error); a host without transactions gets only the slug check
 * (`fullCheck: false`). An upload whose Content-Length is over the limit is refused before its
 * body is read. With `confirm` the
 * article is written as a draft with its benefits, tips, rows and draft claims, in one
 * transaction, as the logged-in editor. A file that cannot be imported (an unsupported type, a
 * damaged Word document, a page without an article) is a 400 whose message says why; nothing is
 * written. Editors and admins only.
 */
import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import fs from 'node:fs/promises'

import type { ImportFormat } from '../importer/formats'
import type { ImportReport } from '../importer/plan'

import { readBody, refusal } from '../http/body'
import { planImportFile } from '../importer/formats'
import { ImportError } from '../importer/parse'
import { reportOf } from '../importer/plan'
import { rehearseImport, writeImport } from '../importer/write'
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
  /**
   * After a confirmed import: the article written (or found: `alreadyImported`). After a dry run:
   * the article already imported under the same slug, if there is one.
   */
  article?: { id: number | string; title: string; slug: string; adminUrl: string }
  alreadyImported?: boolean
  /**
   * A dry run: true when the writes were rehearsed (and rolled back); false when the database
   * has no transactions, so only the slug could be checked.
   */
  fullCheck?: boolean
}

const error = (message: string, status: number, path?: string): Response =>
  refusal(status, message, path)

const FORMATS = '.docx, .html, .htm, .md or .txt'

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

/** Room for the multipart framing and the `_payload` field around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024

const tooLarge = (name?: string): Response =>
  error(
    `${name ? `“${name}”` : 'The file'} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; an article file is much smaller. Save the article without large pictures and upload it again.`,
    413,
    'file',
  )

const handler: PayloadHandler = async (req) => {
  if (!req.user) {
    return error('Log in to import an article.', 401)
  }
  if (!hasRole(req.user, 'editor') && !hasRole(req.user, 'admin')) {
    return error('Only editors and admins can import articles.', 403)
  }
  // Refused before the body is read: an upload is held in memory whole.
  const declared = Number(req.headers.get('content-length') ?? '')
  if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES) {
    return tooLarge()
  }
  const read = await readBody(req, `the article as a file (${FORMATS}) in the form field “file”`)
  if ('refused' in read) {
    return read.refused
  }
  const file = req.file
  if (!file || !file.name) {
    return error(
      `Choose a file to import (${FORMATS}), sent as the form field “file” of a multipart/form-data upload.`,
      400,
      'file',
    )
  }
  if (file.size > MAX_IMPORT_BYTES) {
    return tooLarge(file.name)
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
    const articleOf = (id: number | string) => ({
      id,
      title: plan.article.title,
      slug: plan.article.slug,
      adminUrl: `${req.payload.config.routes.admin}/collections/${ARTICLES_SLUG}/${id}`,
    })
    if (dryRun) {
      // Rehearsed and rolled back: the dry run meets what the confirm will.
      const rehearsed = await rehearseImport(req.payload, plan, { user: req.user })
      result.fullCheck = rehearsed.checked
      result.alreadyImported = rehearsed.alreadyImported
      if (rehearsed.alreadyImported && rehearsed.articleId !== undefined) {
        result.article = articleOf(rehearsed.articleId)
      }
      if (!rehearsed.checked) {
        result.warnings = [
          ...result.warnings,
          {
            line: 0,
            message:
              'this dry run could not rehearse the import (the database is configured without transactions): only the web address (slug) was checked, so the import itself may still be refused',
          },
        ]
      }
    } else {
      const written = await writeImport(req.payload, plan, { user: req.user })
      result.alreadyImported = written.alreadyImported
      result.article = articleOf(written.articleId)
    }
    return Response.json(result, {
      status: dryRun || result.alreadyImported ? 200 : 201,
      headers: { 'Cache-Control': 'no-store' },
    })
  } catch (caught) {
    if (caught instanceof ImportError) {
      return error(
        `“${file.name}” was not imported, nothing was written: ${caught.message}`,
        400,
        'file',
      )
    }
    throw caught
  }
}

export const importArticleEndpoint: Endpoint = {
  path: IMPORT_ARTICLE_PATH,
  method: 'post',
  handler,
}

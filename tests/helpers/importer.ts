/**
 * What the article-import tests share: the demo article's fixture in each format, the
 * documents an import writes counted by collection, `npm run import` as a child process, and
 * uploads to the admin's `POST /api/cited/import-article` (`multipart/form-data`) through
 * Payload's real REST handler.
 */
import type { Payload, SanitizedConfig } from 'payload'

import { REST_POST } from '@payloadcms/next/routes'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect } from 'vitest'

import type { ImportPlan } from '../../src/importer/plan'
import type { Json } from './api'

import { guardRest } from '../../src/http/routes'
import { writeImport } from '../../src/importer/write'

/** The demo article's fixture in one format (`txt`, `html`, `md`, `docx`). */
export const fixturePath = (ext: string) =>
  path.resolve('tests/fixtures', `acupuncture-back-pain.${ext}`)
export const fixture = (ext: string) => fs.readFileSync(fixturePath(ext))

const COLLECTIONS = ['articles', 'benefits', 'aftercare-tips', 'comparison-rows', 'claims'] as const

export interface ImportCounts {
  articles: number
  benefits: number
  tips: number
  rows: number
  claims: number
}

/** How many documents of each kind an import writes there are now. */
export async function importCounts(payload: Payload): Promise<ImportCounts> {
  const [articles, benefits, tips, rows, claims] = await Promise.all(
    COLLECTIONS.map((collection) => payload.count({ collection }).then((r) => r.totalDocs)),
  )
  return { articles, benefits, tips, rows, claims }
}

/** How many documents of each kind were created between two counts. */
const createdSince = (before: ImportCounts, after: ImportCounts): ImportCounts => ({
  articles: after.articles - before.articles,
  benefits: after.benefits - before.benefits,
  tips: after.tips - before.tips,
  rows: after.rows - before.rows,
  claims: after.claims - before.claims,
})

/**
 * Writes the demo article's `plan` and checks what every format of it must write: a new draft
 * article with 8 benefits, 32 tips, 5 comparison rows and 10 draft claims, whose ten statistics
 * the evidence rules (reading the imported rich text) all find uncited. Returns the article.
 */
export async function writeDemoArticle(payload: Payload, plan: ImportPlan) {
  const before = await importCounts(payload)
  const result = await writeImport(payload, plan)
  expect(result.alreadyImported).toBe(false)
  expect(createdSince(before, await importCounts(payload))).toEqual({
    articles: 1,
    benefits: 8,
    tips: 32,
    rows: 5,
    claims: 10,
  })
  const article = await payload.findByID({
    collection: 'articles',
    id: result.articleId,
    draft: true,
    depth: 0,
  })
  expect(article._status).toBe('draft')
  expect(article.evidence?.uncoveredCount).toBe(10)
  return article
}

export interface UploadOptions {
  /** Whose JWT to send; none: anonymous. */
  token?: string
  confirm?: boolean
  headers?: Record<string, string>
}

export type ArticleUpload = (
  name: string,
  bytes: Uint8Array | string,
  options?: UploadOptions,
) => Promise<{ status: number; body: Json }>

/** Uploads a file to `POST /api/cited/import-article`, with `defaults` under each call's options. */
export function articleUpload(
  config: SanitizedConfig,
  defaults: UploadOptions = {},
): ArticleUpload {
  const post = guardRest(REST_POST(config))
  return async (name, bytes, options = {}) => {
    const { token, confirm, headers } = { ...defaults, ...options }
    const form = new FormData()
    form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name)
    if (confirm) {
      form.append('_payload', JSON.stringify({ confirm: true }))
    }
    const request = new Request('http://localhost:3000/api/cited/import-article', {
      method: 'POST',
      headers: { ...(token ? { Authorization: `JWT ${token}` } : {}), ...headers },
      body: form,
    })
    const response = await post(request, {
      params: Promise.resolve({ slug: ['cited', 'import-article'] }),
    })
    return { status: response.status, body: await response.json() }
  }
}

const run = promisify(execFile)

/**
 * Runs `npm run import` (`scripts/import.ts`) with `args` in a child process, with `env` over
 * this process's environment: its exit code and output, failing or not.
 */
export const importCli = (args: string[], env: Record<string, string | undefined> = {}) =>
  run('node', ['--import', 'tsx', 'scripts/import.ts', ...args], {
    env: { ...process.env, ...env },
    maxBuffer: 10 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  )

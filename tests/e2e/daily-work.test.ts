/**
 * The daily work in a real browser against the production build: an editor pastes a BibTeX entry
 * and gets a source; takes a suggested claim for an uncited statistic and sees the evidence panel
 * clear; uploads a Word document and gets a draft article with its statistics flagged.
 */
import type { Browser } from 'playwright-core'

import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { paragraph, richText } from '../helpers/lexical'
import { launchBrowser, loggedIn, screenshot } from './helpers/browser'
import { E2E_PASSWORD, E2E_USERS, ensureUsers, Rest } from './helpers/rest'

const baseUrl = inject('e2eBaseUrl')

// Letters only: digits in titles and statements would be statistics.
const run = Array.from({ length: 6 }, () =>
  String.fromCharCode(97 + Math.floor(Math.random() * 26)),
).join('')

describe('the daily work in the admin', () => {
  let browser: Browser
  let editor: Rest
  let reviewer: Rest

  beforeAll(async () => {
    const rest = new Rest(baseUrl)
    const tokens = await ensureUsers(rest)
    editor = rest.as(tokens.editor)
    reviewer = rest.as(tokens.reviewer)
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('an editor pastes a BibTeX entry and gets a source', async () => {
    const title = `Acupuncture for chronic pain ${run}`
    const bibtex = [
      `@article{vickers${run},`,
      `  title = {${title}},`,
      '  author = {Vickers, Andrew J. and Linde, Klaus},',
      '  journal = {Archives of Internal Medicine},',
      '  year = {2012},',
      '  volume = {172},',
      '  pages = {1444--1453},',
      `  doi = {10.5555/cited-e2e-bib.${run}}`,
      '}',
    ].join('\n')
    const { context, page } = await loggedIn(browser, baseUrl, E2E_USERS.editor, E2E_PASSWORD)
    try {
      await page.goto('/admin/collections/sources')
      await page.locator('#cited-import-references-open').click()
      await page.locator('#cited-import-references-text').fill(bibtex)
      await page.locator('#cited-import-references-preview').click()
      const result = page.locator('[data-testid="cited-import-result"]')
      await expect.poll(() => result.getAttribute('data-dry-run'), { timeout: 30_000 }).toBe('true')
      await expect
        .poll(() => page.locator('[data-testid="cited-import-created"]').textContent())
        .toContain(title)
      await page.locator('#cited-import-references-submit').click()
      await expect
        .poll(() => result.getAttribute('data-dry-run'), { timeout: 30_000 })
        .toBe('false')
      await screenshot(page, 'import-references')
      // The list refreshes with the new source.
      await expect
        .poll(() => page.locator('.table').textContent(), { timeout: 30_000 })
        .toContain(title)
      const found = await editor.get(
        `/sources?where[doi][equals]=${encodeURIComponent(`10.5555/cited-e2e-bib.${run}`)}&depth=0`,
      )
      expect(found.body.docs).toHaveLength(1)
      expect(found.body.docs[0]).toMatchObject({ title, year: 2012 })
      expect(found.body.docs[0].authors[0]).toMatchObject({ family: 'Vickers' })
    } finally {
      await context.close()
    }
  })

  it('an editor takes a suggested claim for an uncited statistic and the panel clears', async () => {
    // An approved claim stating 47% (with its source), and an article that states 47% uncited.
    const source = await editor.post('/sources', {
      type: 'systematic-review',
      title: `Acupuncture and sleep quality ${run}`,
      authors: [{ family: 'Linde', given: 'K' }],
      containerTitle: 'Sleep Med',
      year: 2019,
      doi: `10.5555/cited-e2e-suggest.${run}`,
    })
    expect(source.status, JSON.stringify(source.body)).toBe(201)
    const statement = `Acupuncture improved sleep quality (${run}) for 47% of patients.`
    const claim = await editor.post('/claims?draft=true', {
      statement,
      statistics: [{ value: 47, unit: 'percent', sources: [source.body.doc.id] }],
      _status: 'draft',
    })
    expect(claim.status, JSON.stringify(claim.body)).toBe(201)
    const claimId = claim.body.doc.id
    expect((await editor.post(`/claims/${claimId}/submit`)).status).toBe(200)
    const approved = await reviewer.post(`/claims/${claimId}/review`, {
      decision: 'approve',
      note: 'Matches the review.',
      password: E2E_PASSWORD,
    })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)

    const article = await editor.post('/articles?draft=true', {
      title: `Acupuncture and sleep ${run}`,
      excerpt: 'What the evidence says about sleep.',
      intro: richText(
        paragraph(`Sleep quality improved for 47% of patients (${run}) after acupuncture.`),
      ),
      _status: 'draft',
    })
    expect(article.status, JSON.stringify(article.body)).toBe(201)

    const { context, page } = await loggedIn(browser, baseUrl, E2E_USERS.editor, E2E_PASSWORD)
    try {
      await page.goto(`/admin/collections/articles/${article.body.doc.id}`)
      const panel = page.locator('[data-testid="evidence-panel"]')
      await expect.poll(() => panel.getAttribute('data-state'), { timeout: 30_000 }).toBe('live')
      const suggestion = panel.locator(
        `[data-testid="suggested-claim"][data-claim-id="${claimId}"]`,
      )
      await expect.poll(() => suggestion.count(), { timeout: 30_000 }).toBe(1)
      expect(await suggestion.textContent()).toContain(statement)
      await screenshot(page, 'suggested-claim')
      await suggestion.locator('[data-testid="use-suggested-claim"]').click()
      await expect
        .poll(() => panel.locator('.cited-evidence__summary').getAttribute('data-ready'), {
          timeout: 30_000,
        })
        .toBe('true')
      expect(await panel.locator('.cited-evidence__issue').count()).toBe(0)
      // Autosave keeps it: the intro now cites the claim with a claimRef after the sentence.
      await expect
        .poll(
          async () => {
            const saved = await editor.get(`/articles/${article.body.doc.id}?draft=true&depth=0`)
            const children = saved.body.intro?.root?.children?.[0]?.children ?? []
            return children.map((node: { fields?: { claim?: unknown }; type: string }) =>
              node.type === 'inlineBlock' ? `claimRef:${String(node.fields?.claim)}` : node.type,
            )
          },
          { timeout: 30_000 },
        )
        .toEqual(['text', `claimRef:${claimId}`])
    } finally {
      await context.close()
    }
  })

  it('an editor uploads a Word document and gets a draft article with its statistics flagged', async () => {
    const docx = path.resolve(import.meta.dirname, '../fixtures/acupuncture-back-pain.docx')
    const { context, page } = await loggedIn(browser, baseUrl, E2E_USERS.editor, E2E_PASSWORD)
    try {
      await page.goto('/admin/import-article')
      await page.locator('#cited-import-file').setInputFiles(docx)
      await page.locator('#cited-import-check').click()
      const report = page.locator('[data-testid="cited-import-report"]')
      await expect.poll(() => report.count(), { timeout: 60_000 }).toBe(1)
      // The demo article states ten statistics, none of them cited.
      await expect
        .poll(() => page.locator('[data-testid="cited-import-statistics-count"]').textContent())
        .toBe('10')
      expect(await page.locator('[data-testid="cited-import-statistic"]').count()).toBe(10)
      await screenshot(page, 'import-article-report')

      await page.locator('#cited-import-submit').click()
      const link = page.locator('#cited-import-article-link')
      await expect.poll(() => link.count(), { timeout: 60_000 }).toBe(1)
      await link.click()
      await page.waitForURL(/\/admin\/collections\/articles\/\d+/)
      const articleId = Number(/articles\/(\d+)/.exec(page.url())![1])

      const saved = await editor.get(`/articles/${articleId}?draft=true&depth=0`)
      expect(saved.body._status).toBe('draft')
      expect(saved.body.title).toBe('Benefits of Acupuncture for Back Pain')
      // The draft's evidence panel lists every uncited statistic.
      const panel = page.locator('[data-testid="evidence-panel"]')
      await expect
        .poll(() => panel.locator('.cited-evidence__summary').getAttribute('data-ready'), {
          timeout: 60_000,
        })
        .toBe('false')
      await expect
        .poll(() => panel.locator('.cited-evidence__issue').count(), { timeout: 30_000 })
        .toBeGreaterThanOrEqual(10)
    } finally {
      await context.close()
    }
  })
})

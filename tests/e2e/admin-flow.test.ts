/**
 * What people do in the admin, in a real browser against the production build: an editor writes
 * a claim with a statistic and its source and submits it; a reviewer approves it from the queue
 * (signing with their password); the editor publishes an article citing it; the public page shows
 * the reference; an article with an uncited statistic is listed as blocked and cannot be published.
 */
import type { Browser, Page, Request } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, loggedIn, screenshot } from './helpers/browser'
import { E2E_PASSWORD, E2E_USERS, ensureUsers, Rest } from './helpers/rest'

const baseUrl = inject('e2eBaseUrl')
// Letters only: digits in the statement would be statistics.
/**
 * Clicks the edit view's Publish button until the publish request is really sent: the admin
 * ignores a click made while an autosave is in flight.
 */
async function clickPublish(page: Page): Promise<void> {
  const isPublish = (request: Request) =>
    ['PATCH', 'POST'].includes(request.method()) &&
    /\/api\/articles(?:\/\d+)?(?:\?|$)/.test(request.url()) &&
    !request.url().includes('autosave=true')
  await expect
    .poll(
      async () => {
        const sent = page.waitForRequest(isPublish, { timeout: 5_000 }).then(
          () => true,
          () => false,
        )
        await page.locator('#action-save').click()
        return sent
      },
      { timeout: 30_000 },
    )
    .toBe(true)
}

const run = Array.from({ length: 6 }, () =>
  String.fromCharCode(97 + Math.floor(Math.random() * 26)),
).join('')

const paragraph = (...children: Record<string, unknown>[]) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children,
})
const text = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const claimRef = (claim: number) => ({
  type: 'inlineBlock',
  version: 1,
  fields: { id: `ref${run}`, blockType: 'claimRef', claim },
})
const richText = (...children: Record<string, unknown>[]) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children },
})

describe('editors and reviewers in the admin', () => {
  let browser: Browser
  let rest: Rest
  let editor: Rest
  let reviewer: Rest
  let sourceTitle: string
  let claimId: number
  let articleSlug: string

  beforeAll(async () => {
    rest = new Rest(baseUrl)
    const tokens = await ensureUsers(rest)
    editor = rest.as(tokens.editor)
    reviewer = rest.as(tokens.reviewer)
    sourceTitle = `Acupuncture for chronic pain meta-analysis ${run}`
    const source = await editor.post('/sources', {
      type: 'systematic-review',
      title: sourceTitle,
      authors: [{ family: 'Vickers', given: 'AJ' }],
      containerTitle: 'J Pain',
      year: 2018,
      doi: `10.5555/cited-e2e.${run}`,
    })
    expect(source.status, JSON.stringify(source.body)).toBe(201)
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
  })

  const panel = (page: Page) => page.locator('[data-testid="evidence-panel"]')

  it('an editor creates a claim with a statistic and a source, and submits it for review', async () => {
    const { context, page } = await loggedIn(browser, baseUrl, E2E_USERS.editor, E2E_PASSWORD)
    try {
      await page.goto('/admin/collections/claims/create')
      await page
        .locator('#field-statement')
        .fill(`Acupuncture (${run}) relieved chronic back pain for 62% of patients.`)
      // The panel checks the unsaved form: the number is not a statistic of the claim yet.
      await expect.poll(() => panel(page).textContent(), { timeout: 30_000 }).toContain('“62%”')

      await page.getByRole('button', { name: /add statistic/i }).click()
      await page.locator('#field-statistics__0__value').fill('62')
      const sources = page.locator('#field-statistics__0__sources')
      await sources.locator('.rs__control').click()
      await sources.locator('input').fill(run)
      await page.locator('.rs__option', { hasText: sourceTitle }).first().click()
      await expect
        .poll(() => panel(page).locator('.cited-evidence__summary').getAttribute('data-ready'), {
          timeout: 30_000,
        })
        .toBe('true')

      await page.locator('#action-save-draft').click()
      await page.waitForURL(/\/admin\/collections\/claims\/\d+/)
      claimId = Number(/claims\/(\d+)/.exec(page.url())![1])

      await page.locator('.cited-submit-for-review').click()
      await expect
        .poll(
          () =>
            panel(page).locator('[data-review-status]').first().getAttribute('data-review-status'),
          { timeout: 30_000 },
        )
        .toBe('in_review')
      const saved = await editor.get(`/claims/${claimId}?draft=true&depth=0`)
      expect(saved.body.review.status).toBe('in_review')
    } finally {
      await context.close()
    }
  })

  it('a reviewer approves the claim from the review queue, signing with their password', async () => {
    const { context, page } = await loggedIn(browser, baseUrl, E2E_USERS.reviewer, E2E_PASSWORD)
    try {
      await page.goto('/admin/review')
      const card = page.locator(`.cited-queue__claim[data-claim-id="${claimId}"]`)
      await expect.poll(() => card.count()).toBe(1)
      // Never approved: the whole statement, the statistic and the source show as added.
      await expect.poll(() => card.locator('ins').first().textContent()).toContain('62%')
      expect(await card.locator('[data-diff="added"]').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining(sourceTitle)]),
      )

      await card.locator('textarea[name="note"]').fill('Matches the meta-analysis.')
      await card.locator('button[data-decision="approve"]').click()
      const prompt = card.getByRole('dialog', { name: 'Sign your decision' })
      await prompt.locator('input[type="password"]').fill(E2E_PASSWORD)
      await screenshot(page, 'review-queue')
      await prompt.locator('.cited-decision__confirm').click()
      await expect
        .poll(() => card.locator('.cited-decision__result').textContent(), { timeout: 30_000 })
        .toContain('approved')

      const asEditor = await editor.get(`/claims/${claimId}?depth=0`)
      expect(asEditor.body._status).toBe('published')
      expect(asEditor.body.review.status).toBe('approved')
    } finally {
      await context.close()
    }
  })

  it('the editor publishes an article citing the approved claim', async () => {
    const created = await editor.post('/articles?draft=true', {
      title: `Acupuncture and back pain ${run}`,
      excerpt: 'What the evidence says.',
      intro: richText(
        paragraph(text('In one review, 62% of patients felt less pain. '), claimRef(claimId)),
      ),
      _status: 'draft',
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const article = created.body.doc
    articleSlug = article.slug

    const { context, page } = await loggedIn(browser, baseUrl, E2E_USERS.editor, E2E_PASSWORD)
    try {
      await page.goto(`/admin/collections/articles/${article.id}`)
      await expect
        .poll(() => panel(page).getAttribute('data-state'), { timeout: 30_000 })
        .toBe('live')
      await expect
        .poll(() => panel(page).locator('.cited-evidence__summary').getAttribute('data-ready'), {
          timeout: 30_000,
        })
        .toBe('true')
      expect(await panel(page).locator('.cited-evidence__claim').count()).toBe(1)
      await clickPublish(page)
      await expect
        .poll(async () => (await editor.get(`/articles/${article.id}?depth=0`)).body._status, {
          timeout: 30_000,
        })
        .toBe('published')
    } finally {
      await context.close()
    }
  })

  it('the public article page shows the reference number and the reference', async () => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1280, height: 900 },
    })
    try {
      const page = await context.newPage()
      const response = await page.goto(`/articles/${articleSlug}`)
      expect(response?.status()).toBe(200)
      await expect.poll(() => page.locator('sup').first().textContent()).toContain('1')
      await expect.poll(() => page.locator('body').textContent()).toContain(sourceTitle)
      await screenshot(page, 'article-page')
    } finally {
      await context.close()
    }
  })

  it('the cached page follows a new approved version of its claim within seconds', async () => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1280, height: 900 },
    })
    try {
      const page = await context.newPage()
      // The page is served from Next's cache now: a view reads no API.
      expect((await page.goto(`/articles/${articleSlug}`))?.status()).toBe(200)
      const newerTitle = `A newer acupuncture trial ${run}`
      const newer = await editor.post('/sources', {
        type: 'journal-article',
        title: newerTitle,
        year: 2024,
        doi: `10.5555/cited-e2e-newer.${run}`,
      })
      expect(newer.status, JSON.stringify(newer.body)).toBe(201)
      const edited = await editor.patch(`/claims/${claimId}?draft=true`, {
        statistics: [{ value: 62, unit: 'percent', sources: [newer.body.doc.id] }],
      })
      expect(edited.status, JSON.stringify(edited.body)).toBe(200)
      expect((await editor.post(`/claims/${claimId}/submit`, {})).status).toBe(200)
      const approved = await reviewer.post(`/claims/${claimId}/review`, {
        decision: 'approve',
        password: E2E_PASSWORD,
      })
      expect(approved.status, JSON.stringify(approved.body)).toBe(200)
      const approvedAt = Date.now()
      // Cited revalidated the page when the snapshot changed: a reload shows the new reference.
      await expect
        .poll(
          async () => {
            await page.reload()
            return page.locator('.references').textContent()
          },
          { timeout: 20_000, interval: 500 },
        )
        .toContain(newerTitle)
      expect(Date.now() - approvedAt).toBeLessThan(20_000)
      expect(await page.locator('.references').textContent()).not.toContain(sourceTitle)
      await screenshot(page, 'article-page-after-claim-change')
    } finally {
      await context.close()
    }
  })

  it('an article with an uncited statistic shows the blocking list and cannot be published', async () => {
    const { context, page } = await loggedIn(browser, baseUrl, E2E_USERS.editor, E2E_PASSWORD)
    try {
      await page.goto('/admin/collections/articles/create')
      await page.locator('#field-title').fill(`Cupping and neck tension ${run}`)
      await page
        .locator('#field-excerpt')
        .fill('Up to 45% of patients feel better after one session.')
      const issue = panel(page).locator('.cited-evidence__issue')
      await expect.poll(() => issue.count(), { timeout: 30_000 }).toBe(1)
      expect(await issue.textContent()).toMatch(/“up to 45%”/i)
      expect(await issue.locator('.cited-evidence__path').textContent()).toBe('Excerpt')
      await screenshot(page, 'blocked-article')

      // Autosave turns the new document into a draft, and the admin ignores a Publish click made
      // while an autosave is in flight: click until the publish request is really sent.
      await page.waitForURL(/\/admin\/collections\/articles\/\d+/, { timeout: 30_000 })
      await clickPublish(page)
      // Payload names the refused field; the panel still lists the statistic that blocks it.
      await expect
        .poll(() => page.locator('.payload-toast-container .toast-error').allTextContents(), {
          timeout: 30_000,
        })
        .toEqual(expect.arrayContaining([expect.stringMatching(/invalid.*excerpt/i)]))
      expect(await issue.count()).toBe(1)

      const found = await editor.get(
        `/articles?where[title][equals]=${encodeURIComponent(`Cupping and neck tension ${run}`)}&depth=0`,
      )
      for (const doc of found.body.docs as { _status: string }[]) {
        expect(doc._status).not.toBe('published')
      }
    } finally {
      await context.close()
    }
  })
})

/** Chromium (Debian's package) driven by playwright-core, and small helpers for the admin. */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import fs from 'node:fs/promises'
import path from 'node:path'
import { chromium } from 'playwright-core'

export const SCREENSHOTS = path.resolve(import.meta.dirname, '..', 'screenshots')

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

/** A fresh browser context (own cookies) logged in to the admin as `email`. */
export async function loggedIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1400, height: 1000 },
  })
  context.setDefaultTimeout(60_000)
  const page = await context.newPage()
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 })
  return { context, page }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(SCREENSHOTS, { recursive: true })
  const file = path.join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

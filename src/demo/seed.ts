/**
 * The demo that `npm run dev` shows on first start: the acupuncture article imported as a draft
 * (with its benefits, tips, comparison rows and draft claims) and two demo accounts, an editor
 * and a reviewer, so the write → cite → submit → approve → publish flow can be tried at once.
 * The first admin is still created on Payload's welcome screen: demo accounts are added only
 * once a user exists (see `createDemoAccountsAfterFirstUser`).
 */
import type { Payload } from 'payload'

import { parseArticle } from '../importer/parse'
import { planImport } from '../importer/plan'
import { readArticleFile } from '../importer/readArticleFile'
import { writeImport } from '../importer/write'
import { usersSlugOf } from '../options'
import { ARTICLES_SLUG } from '../shared/slugs'
import { createDemoAccounts } from './accounts'

export interface DemoSeedResult {
  importedArticle: boolean
  accounts: string[]
}

/**
 * Seeds an empty database: imports the demo article (`articleFile`) when there is no article at all, and adds
 * the demo accounts when a first user already exists. Does nothing on a database in use.
 */
export async function seedDemo(payload: Payload, articleFile: string): Promise<DemoSeedResult> {
  const articles = await payload.count({ collection: ARTICLES_SLUG, overrideAccess: true })
  if (articles.totalDocs > 0) {
    return { importedArticle: false, accounts: [] }
  }
  const plan = planImport(
    parseArticle(await readArticleFile(articleFile), { fileName: articleFile }),
  )
  await writeImport(payload, plan)
  const users = await payload.count({ collection: usersSlugOf(payload), overrideAccess: true })
  const accounts = users.totalDocs > 0 ? await createDemoAccounts(payload) : []
  return { importedArticle: true, accounts }
}

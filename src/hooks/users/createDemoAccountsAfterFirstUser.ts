import type { CollectionAfterChangeHook } from 'payload'

import { createDemoAccounts, DEMO_ACCOUNTS } from '../../demo/accounts'

const DEMO_EMAILS = new Set<string>(DEMO_ACCOUNTS.map((account) => account.email))

/**
 * Demo mode only (`citedPlugin({ demoAccounts: true })`, set by `npm run dev`): once the first
 * real account is created on the welcome screen, adds the demo editor and reviewer.
 */
export const createDemoAccountsAfterFirstUser: CollectionAfterChangeHook = async ({
  collection,
  doc,
  operation,
  req,
}) => {
  if (operation !== 'create' || DEMO_EMAILS.has(String(doc.email))) {
    return doc
  }
  const { totalDocs } = await req.payload.count({
    collection: collection.slug,
    overrideAccess: true,
    req,
  })
  if (totalDocs === 1) {
    await createDemoAccounts(req.payload, req)
  }
  return doc
}

/**
 * The demo accounts of `npm run dev`: an editor and a reviewer, so the write → cite → submit →
 * approve → publish flow can be tried at once. Development only.
 */
import type { Payload, PayloadRequest } from 'payload'

import { usersSlugOf } from '../options'

/** Password of both demo accounts (documented in the README). Development only. */
export const DEMO_PASSWORD = 'cited-demo'

export const DEMO_ACCOUNTS = [
  { email: 'editor@cited.test', name: 'Demo Editor', roles: ['editor'] },
  { email: 'reviewer@cited.test', name: 'Demo Reviewer', roles: ['reviewer'] },
] as const

/** Creates the demo accounts that do not exist yet; returns the emails created. */
export async function createDemoAccounts(
  payload: Payload,
  req?: PayloadRequest,
): Promise<string[]> {
  const created: string[] = []
  const users = usersSlugOf(payload)
  for (const account of DEMO_ACCOUNTS) {
    const { totalDocs } = await payload.count({
      collection: users,
      where: { email: { equals: account.email } },
      overrideAccess: true,
      req,
    })
    if (totalDocs > 0) {
      continue
    }
    await payload.create({
      collection: users,
      data: {
        email: account.email,
        name: account.name,
        roles: [...account.roles],
        password: DEMO_PASSWORD,
      },
      overrideAccess: true,
      req,
    })
    created.push(account.email)
  }
  return created
}

import type { PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { lockPublicSets } from '../content/store'

/**
 * Runs `work` in one database transaction on `req`: everything it writes through `req` is
 * committed together, or — when anything throws — nothing is. Joins a transaction that is
 * already open on `req` instead of starting a second one.
 *
 * Takes the public-set lock first (`content/store.ts`): the work will write content that moves
 * the stored sets, and row locks it takes later (a claim under review) must never be held by
 * someone waiting for that lock.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const started = await initTransaction(req)
  try {
    await lockPublicSets(req)
    const result = await work()
    if (started) await commitTransaction(req)
    return result
  } catch (error) {
    if (started) await killTransaction(req)
    throw error
  }
}

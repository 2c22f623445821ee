import type { TestContext } from './payload'

/**
 * Approves a claim the way the review workflow does (publishing its latest draft). Throws with
 * the server's message when the claim cannot be approved.
 */
export async function approveClaim(t: TestContext, id: number | string): Promise<void> {
  await t.payload.update({ collection: 'claims', id, data: { _status: 'published' } })
}

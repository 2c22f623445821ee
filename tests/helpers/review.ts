import type { TestContext } from './payload'

/**
 * Approves a claim through the review workflow, as people do: the editor submits it and a
 * reviewer approves it with their password (REST handlers). Throws with the server's answer
 * when either step is refused.
 */
export async function approveClaim(t: TestContext, id: number | string): Promise<void> {
  const submitted = await t.api.as(t.editor.token).post(`/claims/${id}/submit`, {})
  if (submitted.status !== 200) {
    throw Object.assign(new Error(`submit refused: ${JSON.stringify(submitted.body)}`), {
      response: submitted,
    })
  }
  const approved = await t.api
    .as(t.reviewer.token)
    .post(`/claims/${id}/review`, { decision: 'approve', password: t.reviewer.password })
  if (approved.status !== 200) {
    throw Object.assign(new Error(`approval refused: ${JSON.stringify(approved.body)}`), {
      response: approved,
    })
  }
}

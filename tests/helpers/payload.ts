import type { Payload, SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

import configPromise from '../../payload.config'
import { Api, createUser, type TestUser } from './api'

export interface TestContext {
  payload: Payload
  config: SanitizedConfig
  /** Anonymous API. `api.as(user.token)` acts as a user. */
  api: Api
  admin: TestUser
  editor: TestUser
  reviewer: TestUser
}

/** Boots Payload on this file's fresh database and creates one user per role. */
export async function bootPayload(): Promise<TestContext> {
  const config = await configPromise
  const payload = await getPayload({ config })
  const api = new Api(config)
  const admin = await createUser(payload, api, ['admin'], 'admin')
  const editor = await createUser(payload, api, ['editor'], 'editor')
  const reviewer = await createUser(payload, api, ['reviewer'], 'reviewer')
  return { payload, config, api, admin, editor, reviewer }
}

import type { CollectionBehaviour } from '../behaviour'

import { strictRouteIds } from '../../hooks/input/strictRouteIds'
import { validateShapes } from '../../hooks/input/validateShapes'
import { validateWhere } from '../../hooks/input/validateWhere'
import { createDemoAccountsAfterFirstUser } from '../../hooks/users/createDemoAccountsAfterFirstUser'
import { firstUserIsAdmin } from '../../hooks/users/firstUserIsAdmin'
import { clearLoginThrottle, throttleLogin } from '../../hooks/users/loginThrottle'

/**
 * What runs on the users collection — Cited's, or the host's that Cited extends (schema:
 * `index.ts`; order and attachment: `../behaviour.ts`). With `demoAccounts` (demo mode), the
 * demo accounts are added once the first admin signs up.
 */
export const usersBehaviour = ({
  demoAccounts,
}: {
  demoAccounts: boolean
}): CollectionBehaviour => ({
  hooks: {
    // Input checks, then the sign-in throttle (a sign-in that comes too early is refused).
    beforeOperation: [strictRouteIds, validateWhere, validateShapes, throttleLogin],
    // The first account is an admin.
    beforeChange: [firstUserIsAdmin],
    ...(demoAccounts ? { afterChange: [createDemoAccountsAfterFirstUser] } : {}),
    // A successful sign-in takes back its throttle count.
    afterLogin: [clearLoginThrottle],
  },
})

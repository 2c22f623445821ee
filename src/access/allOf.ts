import type { Access, AccessArgs, AccessResult } from 'payload'

const and = (left: AccessResult, right: AccessResult): AccessResult => {
  if (!left || !right) {
    return false
  }
  if (left === true) {
    return right
  }
  if (right === true) {
    return left
  }
  return { and: [left, right] }
}

/**
 * Allows what every rule allows: `false` as soon as one refuses, otherwise the rules' `Where`
 * queries joined with `and` (so REST, GraphQL and the Local API still agree). How Cited combines
 * its access with the host's when it extends a host collection: neither side widens the other.
 */
export const allOf =
  (...rules: Access[]): Access =>
  async (args: AccessArgs) => {
    let result: AccessResult = true
    for (const rule of rules) {
      result = and(result, await rule(args))
      if (result === false) {
        return false
      }
    }
    return result
  }

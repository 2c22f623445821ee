import type { FieldAccess } from 'payload'

/** Field access allowing what every rule allows (see `allOf` for collections). */
export const allOfField =
  (...rules: FieldAccess[]): FieldAccess =>
  async (args) => {
    for (const rule of rules) {
      if (!(await rule(args))) {
        return false
      }
    }
    return true
  }

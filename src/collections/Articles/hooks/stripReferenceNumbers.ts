import type { CollectionBeforeChangeHook } from 'payload'

/**
 * Reference numbers are derived on read and written into the claimRef inline blocks of rich text
 * (JSON, stored as sent). A client that saves what it read — the admin does — would store them:
 * they are removed before every save.
 */
export const stripReferenceNumbers: CollectionBeforeChangeHook = ({ data }) => {
  const seen = new Set<unknown>()
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return
    seen.add(node)
    if (Array.isArray(node)) {
      node.forEach(visit)
      return
    }
    const object = node as Record<string, unknown>
    const fields = object.fields as Record<string, unknown> | undefined
    if (object.type === 'inlineBlock' && fields && fields.blockType === 'claimRef') delete fields.referenceNumbers
    for (const child of Object.values(object)) visit(child)
  }
  visit(data)
  return data
}

import type { CollectionSlug, TextField, Validate } from 'payload'

import { text } from 'payload/shared'

interface LocatorFieldOptions {
  name: string
  label: string
  description: string
  /** Turns what was typed into the stored form (trim, lower-case, strip prefixes). */
  normalise: (value: string) => string
  /** Returns a sentence for the marketer when the value is malformed. */
  error: (value: string) => string | null
  /** When set, a second document of this collection may not carry the same value. */
  uniqueIn?: CollectionSlug
}

/**
 * A reference locator (DOI, PMID, URL…): normalised before validation, validated with a
 * readable message, optionally unique with a message naming the document that already has it.
 */
export const locatorField = (options: LocatorFieldOptions): TextField => {
  const validate: Validate<string | null | undefined> = async (value, args) => {
    const base = text(value, args as Parameters<typeof text>[1])
    if (base !== true) {
      return base
    }
    if (!value) {
      return true
    }
    const message = options.error(value)
    if (message) {
      return message
    }
    if (options.uniqueIn) {
      const { req, id } = args
      const existing = await req.payload.find({
        collection: options.uniqueIn,
        where: {
          and: [{ [options.name]: { equals: value } }, ...(id ? [{ id: { not_equals: id } }] : [])],
        },
        limit: 1,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      const twin = existing.docs[0] as { id: number | string; title?: string } | undefined
      if (twin) {
        return `Another source already has this ${options.label}: “${twin.title ?? 'untitled'}” (id ${twin.id}). Cite that source instead of adding it twice.`
      }
    }
    return true
  }

  return {
    name: options.name,
    type: 'text',
    label: options.label,
    index: Boolean(options.uniqueIn),
    admin: { description: options.description },
    hooks: {
      beforeValidate: [
        ({ value }) => {
          if (typeof value !== 'string') {
            return value
          }
          const normalised = options.normalise(value)
          return normalised === '' ? null : normalised
        },
      ],
    },
    validate,
  }
}

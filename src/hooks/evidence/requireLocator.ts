import type { CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'

import { hasLocator } from '../../evidence/locators'

/** A source nobody can look up is not a citation: demand a DOI, PMID, URL or ISBN. */
export const requireLocator: CollectionBeforeValidateHook = ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const merged = { ...(originalDoc ?? {}), ...(data ?? {}) }
  if (!hasLocator(merged)) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [
          {
            path: 'doi',
            message:
              'Add at least one way to find this source: a DOI, a PubMed ID (PMID), a URL or an ISBN.',
          },
        ],
        req,
      },
      req.t,
    )
  }
  return data
}

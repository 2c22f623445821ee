import type { CollectionBehaviour } from '../behaviour'

import { lockContentWrites } from '../../hooks/content/lockContentWrites'
import { preventDeletingCitedSource } from '../../hooks/content/preventDeletingCitedSource'
import { refreshShowingArticles } from '../../hooks/content/refreshPublicSets'
import { requireLocator } from '../../hooks/evidence/requireLocator'
import { strictRouteIds } from '../../hooks/input/strictRouteIds'
import { validateShapes } from '../../hooks/input/validateShapes'
import { validateWhere } from '../../hooks/input/validateWhere'
import { importSourcesEndpoint } from './endpoints/import'

/** What runs on sources (schema: `index.ts`; order and attachment: `../behaviour.ts`). */
export const sourcesBehaviour: CollectionBehaviour = {
  hooks: {
    beforeOperation: [strictRouteIds, validateWhere, validateShapes, lockContentWrites],
    // At least one locator: DOI, PMID, PMCID, URL or ISBN.
    beforeValidate: [requireLocator],
    // The references of the published articles that cite it.
    afterChange: [refreshShowingArticles],
    // A source any claim cites (now or in its history) stays.
    beforeDelete: [preventDeletingCitedSource],
  },
  // POST /api/sources/import: sources from pasted BibTeX, RIS, CSL-JSON, MEDLINE, DOIs or PMIDs.
  endpoints: [importSourcesEndpoint],
}

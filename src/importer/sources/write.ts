/**
 * `importSources`: pasted references → new sources, as the person importing them. Each entry is
 * read (`evidence/references/parse.ts`), looked up when it is a bare DOI or PMID (`lookup.ts`),
 * mapped onto a source (`evidence/references/toSource.ts`), checked against the library for its
 * DOI and PMID, and created through `payload.create` with the request's user, so the sources
 * collection's hooks and validation run as for a source typed by hand.
 *
 * All-or-nothing per entry: each source is created in a transaction of its own, so one entry that
 * fails leaves nothing behind and does not stop the others. A dry run creates nothing: each
 * source goes through the collection's access, hooks and field validation up to the write
 * (`validate.ts`) — no transaction, no public-set lock, no `afterChange` hooks — so it reports
 * what an import would refuse, and writes nothing even on a host without transactions.
 */
import type { PayloadRequest, RequiredDataFromCollectionSlug, Where } from 'payload'

import { APIError, ValidationError } from 'payload'

import type { ReferenceEntry, ReferenceFormat } from '../../evidence/references/parse'
import type { SourceDraft } from '../../evidence/references/toSource'
import type { DocId } from '../../shared/ids'
import type { LookupResult } from './lookup'

import { normaliseDoi, normalisePmid } from '../../evidence/locators'
import { parseReferences } from '../../evidence/references/parse'
import { sourceFromCsl } from '../../evidence/references/toSource'
import { citedOptions } from '../../options'
import { SOURCES_SLUG } from '../../shared/slugs'
import { inTransaction } from '../../shared/transaction'
import { lookupFor } from './lookup'
import { validateSource } from './validate'

/** At most this many references per import (each is a write, and bare ids a lookup). */
export const MAX_IMPORT_ENTRIES = 200

/** A source the import created (or, in a dry run, would create). */
export interface ImportedSource {
  /** 1-based position of the entry in the pasted text. */
  entry: number
  input: string
  /** Absent in a dry run. */
  id?: DocId
  type: string
  title: string
  authors: { family: string; given?: string }[]
  containerTitle?: string
  year?: number
  doi?: string
  pmid?: string
}

/** The source a duplicate entry matches. */
export interface ExistingSource {
  /** Absent when it is an earlier entry of the same dry run. */
  id?: DocId
  title: string
  doi?: string
  pmid?: string
  /** Set when the match is an earlier entry of this same import (its position). */
  entry?: number
}

export interface ImportDuplicate {
  entry: number
  input: string
  existing: ExistingSource
  message: string
}

export interface ImportEntryError {
  entry: number
  input: string
  message: string
}

export interface ImportSourcesResult {
  format: ReferenceFormat
  dryRun: boolean
  created: ImportedSource[]
  duplicates: ImportDuplicate[]
  errors: ImportEntryError[]
}

/** The import as a whole cannot run (too many entries): answered with a 400. */
export class SourceImportRefusedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SourceImportRefusedError'
  }
}

type StoredSource = { id: DocId; title?: null | string; doi?: null | string; pmid?: null | string }

const present = (value: null | string | undefined): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : value

const existingOf = (doc: StoredSource): ExistingSource => ({
  id: doc.id,
  title: doc.title ?? 'Untitled source',
  ...(present(doc.doi) ? { doi: present(doc.doi) } : {}),
  ...(present(doc.pmid) ? { pmid: present(doc.pmid) } : {}),
})

/** The library's source with this DOI or PMID (normalised), if any. */
async function findExisting(
  req: PayloadRequest,
  locators: { doi?: string; pmid?: string },
): Promise<StoredSource | undefined> {
  const or: Where[] = [
    ...(locators.doi ? [{ doi: { equals: locators.doi } }] : []),
    ...(locators.pmid ? [{ pmid: { equals: locators.pmid } }] : []),
  ]
  if (or.length === 0) {
    return undefined
  }
  // Duplicates are looked for in the whole library (as the DOI/PMID uniqueness check does),
  // whoever may read which source.
  const { docs } = await req.payload.find({
    collection: SOURCES_SLUG,
    where: { or },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { title: true, doi: true, pmid: true },
    req,
  })
  return docs[0] as StoredSource | undefined
}

/** The label a person sees for the sources field at `path` ("DOI" for `doi`), if it has one. */
function labelOf(req: PayloadRequest, path: string): string | undefined {
  const field = req.payload.collections[SOURCES_SLUG]?.config.flattenedFields.find(
    (candidate) => candidate.name === path.split('.')[0],
  )
  const label = field && 'label' in field ? field.label : undefined
  return typeof label === 'string' && label !== '' ? label : undefined
}

/** A validation error's field messages, each after its field's label. */
function messageOf(req: PayloadRequest, error: unknown): string {
  if (error instanceof ValidationError) {
    const problems = error.data.errors.map(({ label, message, path }) => {
      const name =
        (path ? labelOf(req, path) : undefined) ??
        (typeof label === 'string' && label !== '' ? label : path)
      return name ? `${name}: ${message}` : message
    })
    return `This source could not be saved. ${problems.join(' ')}`
  }
  if (error instanceof APIError) {
    return `This source could not be saved: ${error.message}`
  }
  return 'This source could not be saved because of an unexpected problem; try again, or enter it by hand.'
}

const locatorsOf = (draft: SourceDraft) => ({
  doi: draft.doi ? normaliseDoi(draft.doi) : undefined,
  pmid: draft.pmid ? normalisePmid(draft.pmid) : undefined,
})

const duplicateMessage = (existing: ExistingSource): string =>
  existing.entry !== undefined
    ? `Entry ${existing.entry} of this import is the same reference (same ${existing.doi ? 'DOI' : 'PMID'}); it is imported once.`
    : `Already in the library as “${existing.title}” (id ${existing.id}). Cite that source instead of adding it twice.`

/** Bare DOIs and PMIDs looked up, by `doi:…` / `pmid:…`. */
async function lookUp(
  req: PayloadRequest,
  entries: ReferenceEntry[],
): Promise<Map<string, LookupResult>> {
  const lookup = lookupFor(citedOptions(req.payload))
  const dois = entries.flatMap((entry) => (entry.kind === 'doi' ? [entry.doi] : []))
  const pmids = entries.flatMap((entry) => (entry.kind === 'pmid' ? [entry.pmid] : []))
  const { byDoi, byPmid } = await lookup.all(dois, pmids)
  return new Map([
    ...[...byDoi].map(([doi, result]): [string, LookupResult] => [`doi:${doi}`, result]),
    ...[...byPmid].map(([pmid, result]): [string, LookupResult] => [`pmid:${pmid}`, result]),
  ])
}

/**
 * Creates the sources in `text` (BibTeX, RIS, CSL-JSON, MEDLINE, or DOIs and PMIDs) as `req.user`,
 * one transaction per entry. Throws `UnreadableReferencesError` (nothing in `text` is a reference)
 * or {@link SourceImportRefusedError} (too many) before anything is looked up or written.
 */
export async function importSources(
  req: PayloadRequest,
  { text, dryRun = false }: { text: string; dryRun?: boolean },
): Promise<ImportSourcesResult> {
  const { format, entries } = parseReferences(text)
  if (entries.length > MAX_IMPORT_ENTRIES) {
    throw new SourceImportRefusedError(
      `This text has ${entries.length} references; import at most ${MAX_IMPORT_ENTRIES} at a time.`,
    )
  }
  const result: ImportSourcesResult = { format, dryRun, created: [], duplicates: [], errors: [] }
  /** What this import already holds, by `doi:…` and `pmid:…`. */
  const seen = new Map<string, ExistingSource>()
  const duplicateOf = async (locators: { doi?: string; pmid?: string }) => {
    const earlier =
      (locators.doi && seen.get(`doi:${locators.doi}`)) ||
      (locators.pmid && seen.get(`pmid:${locators.pmid}`))
    if (earlier) {
      return earlier
    }
    const stored = await findExisting(req, locators)
    return stored ? existingOf(stored) : undefined
  }

  // Bare ids already in the library (or earlier in the list) are not looked up.
  const toLookUp: ReferenceEntry[] = []
  const skipped = new Map<number, ExistingSource>()
  const asked = new Map<string, number>()
  for (const entry of entries) {
    if (entry.kind !== 'doi' && entry.kind !== 'pmid') {
      continue
    }
    const locators = entry.kind === 'doi' ? { doi: entry.doi } : { pmid: entry.pmid }
    const key = entry.kind === 'doi' ? `doi:${entry.doi}` : `pmid:${entry.pmid}`
    const stored = await findExisting(req, locators)
    if (stored) {
      skipped.set(entry.entry, existingOf(stored))
    } else if (!asked.has(key)) {
      asked.set(key, entry.entry)
      toLookUp.push(entry)
    }
  }
  const looked = await lookUp(req, toLookUp)

  for (const entry of entries) {
    const { input } = entry
    const fail = (message: string) => result.errors.push({ entry: entry.entry, input, message })
    const known = skipped.get(entry.entry)
    if (known) {
      result.duplicates.push({
        entry: entry.entry,
        input,
        existing: known,
        message: duplicateMessage(known),
      })
      continue
    }
    let record: Extract<LookupResult, { csl: unknown }>
    if (entry.kind === 'error') {
      fail(entry.message)
      continue
    } else if (entry.kind === 'record') {
      record = entry
    } else {
      const key = entry.kind === 'doi' ? `doi:${entry.doi}` : `pmid:${entry.pmid}`
      const earlier = seen.get(key)
      if (earlier) {
        result.duplicates.push({
          entry: entry.entry,
          input,
          existing: earlier,
          message: duplicateMessage(earlier),
        })
        continue
      }
      const found = looked.get(key)
      if (!found || 'message' in found) {
        fail(found?.message ?? 'This reference could not be looked up; enter it by hand.')
        continue
      }
      record = found
    }

    const mapped = sourceFromCsl(record.csl, record.hints)
    if ('message' in mapped) {
      fail(mapped.message)
      continue
    }
    const { draft } = mapped
    const locators = locatorsOf(draft)
    const duplicate = await duplicateOf(locators)
    if (duplicate) {
      result.duplicates.push({
        entry: entry.entry,
        input,
        existing: duplicate,
        message: duplicateMessage(duplicate),
      })
      continue
    }

    const data = draft as RequiredDataFromCollectionSlug<typeof SOURCES_SLUG>
    let doc: Record<string, unknown>
    try {
      doc = dryRun
        ? // A preview validates as create does and writes nothing (no transaction to roll back:
          // with a host's `transactionOptions: false` there is none, and a write would stay).
          await validateSource(req, data)
        : await inTransaction(
            req,
            async () =>
              (await req.payload.create({
                collection: SOURCES_SLUG,
                data,
                depth: 0,
                user: req.user ?? undefined,
                overrideAccess: false,
                req,
              })) as unknown as Record<string, unknown>,
          )
    } catch (error) {
      if (!(error instanceof APIError)) {
        req.payload.logger.error({
          err: error,
          msg: `Cited: importing source entry ${entry.entry} failed`,
        })
      }
      fail(messageOf(req, error))
      continue
    }

    const stored = {
      doi: present(doc.doi as string | null | undefined),
      pmid: present(doc.pmid as string | null | undefined),
    }
    const imported: ImportedSource = {
      entry: entry.entry,
      input,
      ...(dryRun ? {} : { id: doc.id as DocId }),
      type: typeof doc.type === 'string' ? doc.type : draft.type,
      title: typeof doc.title === 'string' ? doc.title : draft.title,
      authors: draft.authors ?? [],
      ...(draft.containerTitle ? { containerTitle: draft.containerTitle } : {}),
      ...(typeof doc.year === 'number' ? { year: doc.year } : {}),
      ...(stored.doi ? { doi: stored.doi } : {}),
      ...(stored.pmid ? { pmid: stored.pmid } : {}),
    }
    result.created.push(imported)
    const self: ExistingSource = {
      ...(imported.id === undefined ? {} : { id: imported.id }),
      title: imported.title,
      ...(stored.doi ? { doi: stored.doi } : {}),
      ...(stored.pmid ? { pmid: stored.pmid } : {}),
      entry: entry.entry,
    }
    if (stored.doi) {
      seen.set(`doi:${stored.doi}`, self)
    }
    if (stored.pmid) {
      seen.set(`pmid:${stored.pmid}`, self)
    }
    // A bare id whose lookup gave this record counts as seen too (same entry).
    if (entry.kind === 'doi') {
      seen.set(`doi:${entry.doi}`, self)
    } else if (entry.kind === 'pmid') {
      seen.set(`pmid:${entry.pmid}`, self)
    }
  }
  return result
}

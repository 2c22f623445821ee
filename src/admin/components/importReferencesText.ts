/**
 * Words of the "Import references" panel (`ImportReferences.tsx`): how one entry of an import's
 * answer is shown, and what the server said when the request itself failed. Plain functions, so
 * the panel stays about layout.
 */
import type { ImportedSource, ImportSourcesResult } from '../../importer/sources/write'

/** "Vickers AJ, Cronin AM et al. Archives of Internal Medicine 2012. doi:10.1001/x" */
export function describeSource(source: ImportedSource): string {
  const names = source.authors
    .slice(0, 3)
    .map((a) => (a.given ? `${a.family} ${a.given}` : a.family))
  const authors =
    names.length > 0 ? `${names.join(', ')}${source.authors.length > 3 ? ' et al.' : ''}` : ''
  return [
    authors,
    source.containerTitle,
    source.year === undefined ? undefined : String(source.year),
    source.doi ? `doi:${source.doi}` : undefined,
    source.pmid ? `PMID ${source.pmid}` : undefined,
  ]
    .filter((part): part is string => Boolean(part))
    .join(' · ')
}

/** The first line of what was pasted for an entry, shortened. */
export const firstLine = (input: string): string => {
  const line = input.split('\n')[0]?.trim() ?? ''
  return line.length > 90 ? `${line.slice(0, 90)}…` : line
}

/** One line summing up an answer: "2 to create, 1 already in the library, 1 problem". */
export function summarise(result: ImportSourcesResult): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  const created = result.dryRun
    ? count(result.created.length, 'source to create', 'sources to create')
    : count(result.created.length, 'source created', 'sources created')
  return [
    created,
    count(result.duplicates.length, 'already in the library', 'already in the library'),
    count(result.errors.length, 'problem', 'problems'),
  ].join(', ')
}

/** The message of an error answer (`{ errors: [{ message }] }`), or a sentence for the status. */
export async function errorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: { message?: unknown }[] }
    const message = body.errors?.[0]?.message
    if (typeof message === 'string' && message !== '') {
      return message
    }
  } catch {
    // not JSON
  }
  if (response.status === 404) {
    return 'Importing references is not available here (Cited may be turned off).'
  }
  return `The import failed (${response.status}). Try again in a moment.`
}

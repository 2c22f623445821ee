/**
 * Imports only run downward. Every file under src/ sits in one layer, named by the first segment
 * of its path (a folder, or a top-level file without its extension). A file may import files of
 * its own layer and of the layers below it, never of a layer above. Bottom to top:
 *
 *   0  shared, types     leaves every layer may import: slugs, roles, ids, transactions (and the
 *                        public-set lock), CSV, admin component paths, cache headers, the public
 *                        flag's name; the generated types. shared/ imports nothing else of src/.
 *   1  evidence          pure logic: statistic detection, Lexical walking, matching, citations.
 *                        Imports only evidence/ and shared/ of src/, and no Payload, React or Next.
 *   2  options           the plugin's options, their defaults, where a running Payload keeps them
 *   3  access, auth      access rules; the sign-in throttle and the JWT strategy
 *   4  fields            field factories
 *   5  blocks            blocks (config and component), the rich text field made of them
 *   6  content           the content graph: walk, checks, loader, store, snapshots, revalidation
 *   7  review            the review workflow
 *   8  importer          article text -> documents
 *   9  demo              the demo seed and accounts
 *  10  hooks, graphql, jobs, http, db
 *                        behaviour: every hook function (hooks/<concern>/), GraphQL extensions,
 *                        the expiry job, route handlers, the durable-commit adapter
 *  11  collections       per collection: its schema (index.ts), its behaviour (behaviour.ts), its endpoints
 *  12  admin, exports    admin components and the evidence-check endpoint; the `./client` and `./rsc` exports
 *  13  plugin, index     citedPlugin; the package's public API
 *  14  app, migrations   this repository's Next app and its migrations
 *
 * Imports are read from each file's syntax tree (imports, re-exports, `import()`, `import('…')`
 * types, type-only imports included). The package's own specifiers (`cited`, `cited/client`,
 * `cited/rsc`) count as imports of src/index.ts and src/exports/*; files outside src/ are not
 * layered.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { moduleSpecifiersOf, sourceFilesUnder } from '../../scripts/lib/modules'

const LAYERS: readonly (readonly string[])[] = [
  ['shared', 'types'],
  ['evidence'],
  ['options'],
  ['access', 'auth'],
  ['fields'],
  ['blocks'],
  ['content'],
  ['review'],
  ['importer'],
  ['demo'],
  ['hooks', 'graphql', 'jobs', 'http', 'db'],
  ['collections'],
  ['admin', 'exports'],
  ['plugin', 'index'],
  ['app', 'migrations'],
]

/** Packages `src/evidence/` must not import: it is plain TypeScript a frontend or a CLI can reuse. */
const FRAMEWORKS = /^(?:payload|@payloadcms\/|react|react-dom|next)(?:\/|$)/

const root = path.resolve(import.meta.dirname, '../..')
const src = path.join(root, 'src')
const PACKAGE_SPECIFIERS: Record<string, string> = {
  cited: path.join(src, 'index.ts'),
  'cited/client': path.join(src, 'exports/client.ts'),
  'cited/rsc': path.join(src, 'exports/rsc.ts'),
}

/** The layer part of a path under src/: its first segment, a top-level file without its extension. */
const partOf = (file: string): string => {
  const [first, ...rest] = path.relative(src, file).split(path.sep)
  return rest.length === 0 ? first.replace(/(?:\.d)?\.(?:ts|tsx|js|mjs)$/, '') : first
}
const rankOf = (part: string): number => LAYERS.findIndex((layer) => layer.includes(part))
const isUnderSrc = (file: string) => !path.relative(src, file).startsWith('..')

interface Import {
  /** The importing file, relative to the repository. */
  from: string
  specifier: string
  /** The imported file (without extension) when it is under src/; undefined for packages and files outside src/. */
  target?: string
}

const files = sourceFilesUnder(src)
const imports: Import[] = files.flatMap((file) =>
  moduleSpecifiersOf(file).map((specifier): Import => {
    const resolved = specifier.startsWith('.')
      ? path.resolve(path.dirname(file), specifier)
      : PACKAGE_SPECIFIERS[specifier]
    return {
      from: path.relative(root, file),
      specifier,
      target: resolved && isUnderSrc(resolved) ? resolved : undefined,
    }
  }),
)
const describeImport = ({ from, specifier }: Import) => `${from} imports '${specifier}'`

describe('layers', () => {
  it('places every part of src/ in a layer', () => {
    const parts = [...new Set(files.map(partOf))]
    expect(parts.filter((part) => rankOf(part) === -1)).toEqual([])
  })

  it('imports run only downward: no file imports a layer above its own', () => {
    const upward = imports
      .filter(({ target }) => target !== undefined)
      .filter(({ from, target }) => rankOf(partOf(target!)) > rankOf(partOf(path.join(root, from))))
      .map(
        (entry) =>
          `${describeImport(entry)} (${partOf(path.join(root, entry.from))} is below ${partOf(entry.target!)})`,
      )
    expect(upward).toEqual([])
  })

  it('shared/ imports nothing of src/ outside shared/', () => {
    const outside = imports
      .filter(({ from }) => partOf(path.join(root, from)) === 'shared')
      .filter(({ target }) => target !== undefined && partOf(target) !== 'shared')
      .map(describeImport)
    expect(outside).toEqual([])
  })

  it('evidence/ stays pure: it imports only evidence/ and shared/, and no Payload, React or Next', () => {
    const impure = imports
      .filter(({ from }) => partOf(path.join(root, from)) === 'evidence')
      .filter(({ specifier, target }) =>
        target !== undefined
          ? !['evidence', 'shared'].includes(partOf(target))
          : specifier.startsWith('.') ||
            specifier in PACKAGE_SPECIFIERS ||
            FRAMEWORKS.test(specifier),
      )
      .map(describeImport)
    expect(impure).toEqual([])
  })

  it('reads the imports it judges', () => {
    // A parser that found nothing would pass every check above.
    expect(imports.filter(({ target }) => target !== undefined).length).toBeGreaterThan(300)
    expect(
      imports.some(
        ({ from, specifier }) =>
          from === 'src/plugin.ts' && specifier === './collections/Claims/behaviour',
      ),
    ).toBe(true)
  })
})

/**
 * Cited is a package: its code (src/ without the app in src/app) imports nothing generated for or
 * by the host, and nothing outside src/; `package.json` names exactly what `npm run build:plugin`
 * writes; the admin's component paths name the package's own client and server exports.
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

import { moduleSpecifiersOf, sourceFilesUnder } from '../../scripts/lib/modules'
import { ADMIN_COMPONENTS } from '../../src/shared/adminComponents'
import vitestConfig from '../../vitest.config'

const root = path.resolve(import.meta.dirname, '../..')
const src = path.join(root, 'src')
const app = path.join(src, 'app')

interface PackageJson {
  name: string
  main: string
  types: string
  files: string[]
  exports: Record<string, Record<'default' | 'import' | 'types', string>>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  peerDependencies: Record<string, string>
}
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson

const pluginFiles = sourceFilesUnder(src, [app])

const parse = (file: string) =>
  ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)

const imports = pluginFiles.flatMap((file) =>
  moduleSpecifiersOf(file).map((specifier) => ({ file: path.relative(root, file), specifier })),
)
const isRelative = (specifier: string) => specifier.startsWith('.')
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')

/** tsconfig.build.json as tsc reads it: the files it compiles and where it writes them. */
function buildConfig() {
  const configFile = path.join(root, 'tsconfig.build.json')
  const { config, error } = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file))
  if (error) {
    throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'))
  }
  return ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile)
}

/** The source file that tsconfig.build.json compiles into `target` (a `dist/…` path of package.json). */
function sourceOf(target: string, build: ReturnType<typeof buildConfig>): null | string {
  const { outDir, rootDir } = build.options
  const relative = path.relative(outDir!, path.resolve(root, target))
  if (relative.startsWith('..')) {
    return null
  }
  const base = path.join(rootDir!, relative.replace(/(?:\.d\.ts|\.js)$/, ''))
  return (
    ['.ts', '.tsx']
      .map((extension) => base + extension)
      .find((file) => build.fileNames.includes(file)) ?? null
  )
}

/** The names a `src/exports/*.ts` file re-exports (values only), each with the module it comes from. */
function exportedValues(file: string): Map<string, string> {
  const names = new Map<string, string>()
  for (const statement of parse(file).statements) {
    if (!ts.isExportDeclaration(statement) || statement.isTypeOnly || !statement.moduleSpecifier) {
      continue
    }
    if (!statement.exportClause || !ts.isNamedExports(statement.exportClause)) {
      continue
    }
    const from = path.resolve(
      path.dirname(file),
      (statement.moduleSpecifier as ts.StringLiteral).text,
    )
    for (const element of statement.exportClause.elements) {
      if (!element.isTypeOnly) {
        names.set(element.name.text, from)
      }
    }
  }
  return names
}

const resolveModule = (base: string) =>
  ['.ts', '.tsx', '/index.ts', '/index.tsx']
    .map((extension) => base + extension)
    .find((file) => fs.existsSync(file))
const isClientModule = (file: string) => {
  const [first] = parse(file).statements
  return Boolean(
    first &&
      ts.isExpressionStatement(first) &&
      ts.isStringLiteral(first.expression) &&
      first.expression.text === 'use client',
  )
}

describe('the plugin imports nothing of its host', () => {
  it('no file under src/ (except src/app) imports payload-types or @payload-config', () => {
    const offending = imports.filter(
      ({ specifier }) =>
        /(?:^|\/)payload-types$/.test(specifier) || specifier === '@payload-config',
    )
    expect(offending).toEqual([])
  })

  it('no file under src/ (except src/app) imports a path outside src/ or inside src/app', () => {
    const offending = imports.filter(({ file, specifier }) => {
      if (!isRelative(specifier)) {
        return false
      }
      const target = path.resolve(root, path.dirname(file), specifier)
      return (
        !target.startsWith(src + path.sep) || target === app || target.startsWith(app + path.sep)
      )
    })
    expect(offending).toEqual([])
  })

  it('every package the plugin imports is a dependency or a peer dependency, never both', () => {
    const bare = [
      ...new Set(
        imports
          .map(({ specifier }) => specifier)
          .filter((specifier) => !isRelative(specifier) && !specifier.startsWith('node:')),
      ),
    ]
    const undeclared = bare
      .map(packageOf)
      .filter((name) => !(name in pkg.dependencies) && !(name in pkg.peerDependencies))
    expect([...new Set(undeclared)]).toEqual([])
    expect(Object.keys(pkg.peerDependencies).filter((name) => name in pkg.dependencies)).toEqual([])
    // The repository's own app installs each peer it develops against.
    expect(
      Object.keys(pkg.peerDependencies).filter((name) => !(name in pkg.devDependencies)),
    ).toEqual([])
  })
})

describe('package.json names what build:plugin writes', () => {
  const build = buildConfig()

  it('exports ".", "./client" and "./rsc", each from dist/, with its declarations', () => {
    expect(Object.keys(pkg.exports)).toEqual(['.', './client', './rsc'])
    expect(pkg.files).toEqual(['dist'])
    for (const conditions of Object.values(pkg.exports)) {
      // TypeScript reads the first matching condition: `types` comes first.
      expect(Object.keys(conditions)[0]).toBe('types')
      expect(conditions.types).toBe(conditions.import.replace(/\.js$/, '.d.ts'))
    }
  })

  it('every file it names is compiled from a source file of tsconfig.build.json', () => {
    const targets = [
      pkg.main,
      pkg.types,
      ...Object.values(pkg.exports).flatMap((conditions) => Object.values(conditions)),
    ]
    const unbuilt = targets.filter((target) => sourceOf(target, build) === null)
    expect(unbuilt).toEqual([])
    expect(sourceOf(pkg.exports['.'].import, build)).toBe(path.join(src, 'index.ts'))
    expect(sourceOf(pkg.exports['./client'].import, build)).toBe(
      path.join(src, 'exports/client.ts'),
    )
    expect(sourceOf(pkg.exports['./rsc'].import, build)).toBe(path.join(src, 'exports/rsc.ts'))
  })

  it('the build compiles the plugin (and the generated types) but not the app', () => {
    expect(build.options.rootDir).toBe(src)
    expect(build.fileNames.some((file) => file.startsWith(app + path.sep))).toBe(false)
    expect(build.fileNames).toContain(path.join(src, 'types/generated.ts'))
  })

  it('tsconfig paths and the vitest aliases map each export to the source the build compiles it from', () => {
    const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), (file) =>
      ts.sys.readFile(file),
    ) as {
      config: { compilerOptions: { paths: Record<string, string[]> } }
    }
    const aliases = vitestConfig.resolve?.alias as { find: RegExp; replacement: string }[]
    for (const [subpath, conditions] of Object.entries(pkg.exports)) {
      const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`
      const source = sourceOf(conditions.import, build)
      expect(
        config.compilerOptions.paths[specifier]?.map((file) => path.resolve(root, file)),
      ).toEqual([source])
      expect(aliases.find((alias) => alias.find.test(specifier))?.replacement).toBe(source)
    }
  })
})

describe('admin component paths are package specifiers', () => {
  const exported = {
    client: exportedValues(path.join(src, 'exports/client.ts')),
    rsc: exportedValues(path.join(src, 'exports/rsc.ts')),
  }

  it('each names an export of cited/client or cited/rsc', () => {
    for (const componentPath of Object.values(ADMIN_COMPONENTS)) {
      const match = /^(?<name>[^#]+)\/(?<entry>client|rsc)#(?<component>\w+)$/.exec(componentPath)
      expect(match?.groups?.name, componentPath).toBe(pkg.name)
      expect(
        exported[match!.groups!.entry as 'client' | 'rsc'].has(match!.groups!.component),
        componentPath,
      ).toBe(true)
    }
  })

  it("cited/client exports client modules ('use client') and cited/rsc server ones", () => {
    for (const [entry, names] of Object.entries(exported)) {
      for (const [name, from] of names) {
        const file = resolveModule(from)
        expect(file, `${entry}#${name}`).toBeDefined()
        expect(isClientModule(file!), `${entry}#${name} (${path.relative(root, file!)})`).toBe(
          entry === 'client',
        )
      }
    }
  })
})

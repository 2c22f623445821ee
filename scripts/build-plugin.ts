/**
 * `npm run build:plugin`: the package's `dist/` — JavaScript and declarations of `src/` (without
 * the app in `src/app` and its migrations), laid out as `package.json` `exports` expect:
 * `dist/index.js` (`.`), `dist/exports/client.js` (`./client`), `dist/exports/rsc.js` (`./rsc`).
 *
 * 1. `tsc -p tsconfig.build.json` compiles (`jsx: react-jsx`; `'use client'` stays each module's
 *    first statement) and fails the build on any type error.
 * 2. The source's relative imports have no extension (Turbopack and vitest resolve them, Node's
 *    ESM loader does not), so every relative specifier tsc wrote — static and dynamic imports,
 *    re-exports and `import('…')` types in declarations — is rewritten to the file it resolves to
 *    in `dist/` (`./plugin` → `./plugin.js`, `./collections/Claims` → `./collections/Claims/index.js`).
 *    A specifier that resolves to nothing fails the build.
 * 3. Ambient declarations of the source (`declare module '@citation-js/core'`) are copied and
 *    referenced from each declaration file that imports the module they declare. `*.build.d.ts`
 *    files only type the build (src/types/payload.build.d.ts) and are not shipped.
 * 4. Every target of `package.json` `exports` must exist.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

import { moduleSpecifierLiterals } from './lib/modules'

const root = path.resolve(import.meta.dirname, '..')
const src = path.join(root, 'src')
const dist = path.join(root, 'dist')

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(file) : entry.isFile() ? [file] : []
  })

const isDeclaration = (file: string) => file.endsWith('.d.ts')
const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../')

/** The specifier, with the extension Node needs, of the emitted file `specifier` names from `file`. */
function resolveEmitted(file: string, specifier: string): null | string {
  const base = path.resolve(path.dirname(file), specifier)
  if (/\.[cm]?js$|\.json$/.test(specifier)) {
    const target = isDeclaration(file) ? base.replace(/\.[cm]?js$/, '.d.ts') : base
    return fs.existsSync(target) ? specifier : null
  }
  const emitted = isDeclaration(file) ? '.d.ts' : '.js'
  if (fs.existsSync(`${base}${emitted}`)) {
    return `${specifier}.js`
  }
  if (fs.existsSync(path.join(base, `index${emitted}`))) {
    return `${specifier.replace(/\/$/, '')}/index.js`
  }
  return null
}

/** Rewrites the relative specifiers of one emitted file; returns the ones that resolve to nothing. */
function rewriteSpecifiers(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8')
  const kind = isDeclaration(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind)
  const unresolved: string[] = []
  const edits: { start: number; end: number; text: string }[] = []
  for (const literal of moduleSpecifierLiterals(sourceFile)) {
    if (!isRelative(literal.text)) {
      continue
    }
    const resolved = resolveEmitted(file, literal.text)
    if (resolved === null) {
      unresolved.push(`${path.relative(root, file)}: '${literal.text}'`)
    } else if (resolved !== literal.text) {
      edits.push({
        start: literal.getStart(sourceFile) + 1,
        end: literal.getEnd() - 1,
        text: resolved,
      })
    }
  }
  let rewritten = text
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    rewritten = rewritten.slice(0, edit.start) + edit.text + rewritten.slice(edit.end)
  }
  if (rewritten !== text) {
    fs.writeFileSync(file, rewritten)
  }
  return unresolved
}

/** Copies `src/**\/*.d.ts` and references each from the emitted declarations importing what it declares. */
function copyAmbientDeclarations(emitted: string[]): void {
  const isShipped = (file: string) =>
    isDeclaration(file) && !file.endsWith('.build.d.ts') && !file.startsWith(path.join(src, 'app'))
  for (const ambient of filesUnder(src).filter(isShipped)) {
    const target = path.join(dist, path.relative(src, ambient))
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.copyFileSync(ambient, target)
    const ambientFile = ts.createSourceFile(
      ambient,
      fs.readFileSync(ambient, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    )
    const declared = new Set(
      ambientFile.statements
        .filter(ts.isModuleDeclaration)
        .flatMap((statement) => (ts.isStringLiteral(statement.name) ? [statement.name.text] : [])),
    )
    for (const file of emitted.filter(isDeclaration)) {
      const text = fs.readFileSync(file, 'utf8')
      const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
      if (!moduleSpecifierLiterals(sourceFile).some((literal) => declared.has(literal.text))) {
        continue
      }
      const reference = path.relative(path.dirname(file), target).split(path.sep).join('/')
      fs.writeFileSync(
        file,
        `/// <reference path="${reference.startsWith('.') ? reference : `./${reference}`}" />\n${text}`,
      )
    }
  }
}

/** Every file `package.json` `exports` (and `main`, `types`) names. */
function exportTargets(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, Record<string, string>>
    main?: string
    types?: string
  }
  const targets = Object.values(pkg.exports).flatMap((conditions) => Object.values(conditions))
  return [
    ...new Set(
      [...targets, pkg.main, pkg.types].filter((target): target is string => Boolean(target)),
    ),
  ]
}

fs.rmSync(dist, { recursive: true, force: true })
try {
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: root, stdio: 'inherit' },
  )
} catch {
  console.error('build:plugin: tsc reported errors (above); nothing was written (noEmitOnError).')
  process.exit(1)
}

const emitted = filesUnder(dist).filter((file) => file.endsWith('.js') || isDeclaration(file))
const unresolved = emitted.flatMap(rewriteSpecifiers)
if (unresolved.length > 0) {
  console.error(
    `build:plugin: relative imports that resolve to no file of dist/:\n  ${unresolved.join('\n  ')}`,
  )
  process.exit(1)
}
copyAmbientDeclarations(emitted)

const missing = exportTargets().filter((target) => !fs.existsSync(path.join(root, target)))
if (missing.length > 0) {
  console.error(
    `build:plugin: package.json names files the build did not write: ${missing.join(', ')}`,
  )
  process.exit(1)
}
console.log(
  `Cited: dist/ built (${emitted.filter((file) => file.endsWith('.js')).length} modules with declarations).`,
)

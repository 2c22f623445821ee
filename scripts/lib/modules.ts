/**
 * Reading a module graph with TypeScript's parser: the build's specifier rewriting
 * (scripts/build-plugin.ts) and the package and layer tests (tests/unit/package.test.ts,
 * layers.test.ts) read imports the same way.
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/** The source files (.ts, .tsx, .js, .mjs) under `dir`, without the directories in `skip`. */
export const sourceFilesUnder = (dir: string, skip: readonly string[] = []): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return skip.includes(file) ? [] : sourceFilesUnder(file, skip)
    }
    return /\.(?:ts|tsx|js|mjs)$/.test(entry.name) ? [file] : []
  })

/**
 * The string literals naming a module in `sourceFile`: imports, re-exports, `import()`,
 * `import('…')` types and `import x = require('…')`.
 */
export function moduleSpecifierLiterals(sourceFile: ts.SourceFile): ts.StringLiteralLike[] {
  const found: ts.StringLiteralLike[] = []
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteralLike(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments
      if (argument && ts.isStringLiteralLike(argument)) {
        found.push(argument)
      }
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteralLike(node.argument.literal)
    ) {
      found.push(node.argument.literal)
    } else if (ts.isExternalModuleReference(node) && ts.isStringLiteralLike(node.expression)) {
      found.push(node.expression)
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return found
}

/** The module specifiers of the file at `file`, parsed as TypeScript. */
export const moduleSpecifiersOf = (file: string): string[] =>
  moduleSpecifierLiterals(
    ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
  ).map((literal) => literal.text)

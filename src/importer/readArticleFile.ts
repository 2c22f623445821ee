import fs from 'node:fs/promises'

import { ImportError } from './parse'

/** Reads an article file as text; a file that is not UTF-8 text keeps its bad bytes visible to the parser. */
export async function readArticleFile(file: string): Promise<string> {
  let bytes: Buffer
  try {
    bytes = await fs.readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ImportError(
      0,
      code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file} (${code ?? 'error'})`,
    )
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes)
}

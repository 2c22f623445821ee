/** Reads an uploaded article file from disk: as bytes (any format), or as text (the text format). */
import fs from 'node:fs/promises'

import { ImportError } from './parse'

/** The file's bytes; a missing or unreadable file is an `ImportError`. */
export async function readArticleBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ImportError(
      0,
      code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file} (${code ?? 'error'})`,
    )
  }
}

/** Reads an article file as text; a file that is not UTF-8 text keeps its bad bytes visible to the parser. */
export async function readArticleFile(file: string): Promise<string> {
  return new TextDecoder('utf-8', { fatal: false }).decode(await readArticleBytes(file))
}

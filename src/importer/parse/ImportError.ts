/** The error that stops an import: what is wrong, on which line of the uploaded file. */

/** A problem that stops the import. The message always starts with "line N: ". */
export class ImportError extends Error {
  /** 1-based line number in the uploaded file. */
  readonly line: number
  /** The message without the "line N: " prefix. */
  readonly reason: string

  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`)
    this.name = 'ImportError'
    this.line = line
    this.reason = reason
  }
}

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

/**
 * A problem with the uploaded file as a whole — its type, or a Word or HTML file that cannot be
 * read — rather than with one line of it. Its message has no line number; `line` is 0.
 */
export class FileImportError extends ImportError {
  constructor(reason: string) {
    super(0, reason)
    this.name = 'FileImportError'
    this.message = reason
  }
}

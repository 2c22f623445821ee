/**
 * CSV for the audit-trail export, written by `csv-stringify` (RFC 4180: a cell holding a comma,
 * quote or line break is quoted, quotes are doubled, lines end with CRLF).
 */
import type { Options } from 'csv-stringify/sync'

import { stringify } from 'csv-stringify/sync'

/** A value a CSV cell can hold. */
export type CsvValue = boolean | null | number | string | undefined

const OPTIONS: Options = {
  record_delimiter: 'windows',
  // Giving a record delimiter turns off quoting of a lone `\n` or `\r` inside a cell; keep it.
  quote_record_delimiter: true,
  // Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading `'`.
  escape_formulas: true,
  // `true`/`false` as words, not csv-stringify's default `1`/empty.
  cast: { boolean: (value) => String(value) },
}

/** A CSV document with a header row; every line, the last included, ends with CRLF. */
export function toCsv(header: readonly string[], rows: readonly CsvValue[][]): string {
  return stringify([[...header], ...rows], OPTIONS)
}

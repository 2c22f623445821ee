/**
 * The checks on the uploaded file as a whole before any line is read: empty, binary or
 * not UTF-8 files are refused with an `ImportError`; a BOM, CRLF line ends and stray
 * control characters are removed.
 */

import { ImportError } from './ImportError'

/** Control characters but tab and newline: C0 (with vertical tab and form feed), DEL and C1. */
// eslint-disable-next-line no-control-regex -- control characters are what this matches, on purpose
const STRAY_CONTROL = /[\u0001-\u0008\v\f\u000E-\u001F\u007F-\u009F]/g

export function normalizeInput(text: string): string {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (s.replace(/[\s\u200B]/g, '') === '') {
    throw new ImportError(1, 'the file is empty')
  }
  if (s.includes('\u0000')) {
    throw new ImportError(1, 'this looks like a binary file, not an article')
  }
  let bad = 0
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k)
    if (
      c === 0xfffd ||
      (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) ||
      (c >= 0x7f && c <= 0x9f)
    ) {
      bad++
    }
  }
  if (bad > 0 && bad / s.length > 0.02) {
    throw new ImportError(1, 'this looks like a binary file, not an article')
  }
  const lines = s.replace(/\r\n?/g, '\n').split('\n')
  const broken = lines.findIndex((l) => l.includes('\uFFFD'))
  if (broken >= 0) {
    throw new ImportError(
      broken + 1,
      'this line contains characters that could not be read (shown as �); save the file as UTF-8 text and upload it again',
    )
  }
  // A stray control character (a DOS end-of-file marker, a form feed) is dropped.
  return lines
    .join('\n')
    .replace(STRAY_CONTROL, '')
    .replace(/[\u2028\u2029]/g, ' ')
}

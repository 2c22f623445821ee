/**
 * How big an imported file may be once it is unpacked, checked before any parser sees it: a Word
 * document is a zip archive, and a small one can unpack to hundreds of megabytes of XML (a "zip
 * bomb") that mammoth and jsdom would take minutes and gigabytes to read. So the archive's
 * central directory is read first (the uncompressed size of every entry, as the archive says),
 * and then every entry is inflated with a cap, so an archive that lies about its sizes is caught
 * too. HTML and Markdown are capped by their length in characters.
 *
 * Pure: Node's zlib, no DOM, no Payload. Errors are `FileImportError`s written for a marketer.
 */
import { inflateRawSync } from 'node:zlib'

import { FileImportError } from '../parse/ImportError'

const MB = 1024 * 1024

/** A Word document may unpack to at most this much (its text, styles and pictures together). */
export const MAX_DOCX_UNPACKED_BYTES = 20 * MB

/** An archive this much larger unpacked than packed is refused once it is past `RATIO_FLOOR`. */
export const MAX_DOCX_RATIO = 100
const RATIO_FLOOR = 2 * MB

/** HTML and Markdown files may hold at most this many characters. */
export const MAX_TEXT_CHARS = 2 * MB

const megabytes = (bytes: number): string => {
  const mb = bytes / MB
  return mb >= 10 ? String(Math.round(mb)) : mb.toFixed(1).replace(/\.0$/, '')
}

const tooBig = (unpacked: number | undefined): FileImportError =>
  new FileImportError(
    `this Word document unpacks to ${unpacked === undefined ? 'more than ' + megabytes(MAX_DOCX_UNPACKED_BYTES) : megabytes(unpacked)} MB; the limit is ${megabytes(MAX_DOCX_UNPACKED_BYTES)} MB. An article is much smaller: save a copy without large pictures or embedded files (or paste the text into a new document) and upload that`,
  )

const tooCompressed = (unpacked: number, packed: number): FileImportError =>
  new FileImportError(
    `this Word document unpacks to ${megabytes(unpacked)} MB from ${megabytes(packed)} MB, ${Math.round(unpacked / Math.max(packed, 1))} times its size; the limit is ${MAX_DOCX_RATIO} times. A real article does not compress like that: open it in Word, save it as .docx again and upload that`,
  )

const damaged = (): FileImportError =>
  new FileImportError(
    'this .docx file could not be read (it may be damaged); open it in Word, save it as .docx and upload it again',
  )

interface ZipEntry {
  method: number
  compressedSize: number
  uncompressedSize: number
  localHeader: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/** The entries of a zip archive's central directory; `undefined` when it has none. */
function centralDirectory(bytes: Buffer): ZipEntry[] | undefined {
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff)
  let end = -1
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      end = at
      break
    }
  }
  if (end < 0) {
    return undefined
  }
  const count = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  const entries: ZipEntry[] = []
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) {
      return undefined
    }
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeader: bytes.readUInt32LE(at + 42),
    })
    at +=
      46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
  }
  return entries
}

/**
 * Refuses a Word document that unpacks to more than `MAX_DOCX_UNPACKED_BYTES`, or to more than
 * `MAX_DOCX_RATIO` times its size: first by the sizes its central directory states, then by
 * inflating each entry with a cap (an archive can state sizes smaller than its data). A file
 * whose directory cannot be read is left to mammoth, which reports it as damaged.
 */
export function checkDocxSize(bytes: Buffer): void {
  const entries = centralDirectory(bytes)
  if (!entries) {
    return
  }
  const stated = entries.reduce((sum, e) => sum + e.uncompressedSize, 0)
  // ZIP64 marks sizes it does not fit as 0xFFFFFFFF: far over the limit either way.
  if (stated > MAX_DOCX_UNPACKED_BYTES) {
    throw tooBig(stated)
  }
  if (stated > RATIO_FLOOR && stated > MAX_DOCX_RATIO * bytes.length) {
    throw tooCompressed(stated, bytes.length)
  }
  let actual = 0
  for (const entry of entries) {
    const at = entry.localHeader
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) {
      throw damaged()
    }
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28)
    const data = bytes.subarray(start, start + entry.compressedSize)
    const budget = MAX_DOCX_UNPACKED_BYTES - actual
    if (entry.method === 0) {
      actual += data.length
    } else if (entry.method === 8) {
      try {
        actual += inflateRawSync(data, { maxOutputLength: Math.max(budget, 1) }).length
      } catch (error) {
        if (
          error instanceof RangeError ||
          (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
        ) {
          throw tooBig(undefined)
        }
        throw damaged()
      }
    }
    if (actual > MAX_DOCX_UNPACKED_BYTES) {
      throw tooBig(undefined)
    }
  }
  if (actual > RATIO_FLOOR && actual > MAX_DOCX_RATIO * bytes.length) {
    throw tooCompressed(actual, bytes.length)
  }
}

/** Refuses an HTML or Markdown text longer than `MAX_TEXT_CHARS`. */
export function checkTextSize(text: string, kind: 'HTML' | 'Markdown'): void {
  if (text.length > MAX_TEXT_CHARS) {
    throw new FileImportError(
      `this ${kind} file holds ${megabytes(text.length)} MB of text; the limit is ${megabytes(MAX_TEXT_CHARS)} MB. An article is much shorter: save only the article (not the whole site, or pictures embedded in the page) and upload that`,
    )
  }
}

/**
 * Text as the statistic detector reads it, with a map back to the text the editor wrote:
 * - Unicode compatibility forms folded (NFKC): full-width `７０％` is `70%`, `½` is `1⁄2`;
 * - every Unicode decimal digit (`\p{Nd}`: Arabic-Indic `٧٠`, Devanagari `७०`, …) is its ASCII digit,
 *   and the Arabic percent, decimal and thousands signs are `%`, `.` and `,`;
 * - invisible format characters (`\p{Cf}`: zero-width space and joiners, word joiner, soft hyphen,
 *   bidi marks) are removed, so `7\u200B0%` is `70%`;
 * - every space separator (`\p{Zs}`: no-break, thin, ideographic …) is a plain space.
 * Offsets found in the normalised text map back into the original, so messages quote what the
 * editor wrote. Pure; no Payload import.
 */

export interface NormalizedText {
  /** The text the detector reads. */
  text: string
  /** For each UTF-16 unit of `text`, the offset of the original code point it came from. */
  origins: number[]
  /** The original text. */
  original: string
}

const FORMAT = /\p{Cf}/u
const SPACE = /\p{Zs}/u
const DIGIT = /\p{Nd}/u
/** Non-ASCII text needs work; ASCII text (most of it) is its own normal form. */
const NON_ASCII = /[\u0080-\uffff]/

const SIGNS: Record<string, string> = {
  '\u066a': '%', // ARABIC PERCENT SIGN
  '\u066b': '.', // ARABIC DECIMAL SEPARATOR
  '\u066c': ',', // ARABIC THOUSANDS SEPARATOR
  '\u2030': '‰',
}

let digitZeros: number[] | undefined

/** The code points of every "0" of the Unicode decimal digit runs (each run is 0–9 in order). */
function zeros(): number[] {
  if (digitZeros) {
    return digitZeros
  }
  const found: number[] = []
  for (let cp = 0x80; cp <= 0x1fbff; cp += 1) {
    if (DIGIT.test(String.fromCodePoint(cp)) && !DIGIT.test(String.fromCodePoint(cp - 1))) {
      found.push(cp)
    }
  }
  digitZeros = found
  return found
}

/** The ASCII digit of a non-ASCII decimal digit. */
function asciiDigit(cp: number): string {
  const runs = zeros()
  let zero = runs[0]
  for (const start of runs) {
    if (start > cp) {
      break
    }
    zero = start
  }
  return String((cp - zero) % 10)
}

function fold(char: string, cp: number): string {
  if (cp < 0x80) {
    return char
  }
  if (FORMAT.test(char)) {
    return ''
  }
  if (SPACE.test(char)) {
    return ' '
  }
  if (DIGIT.test(char)) {
    return asciiDigit(cp)
  }
  const sign = SIGNS[char]
  if (sign !== undefined) {
    return sign
  }
  const folded = char.normalize('NFKC')
  if (folded === char) {
    return char
  }
  // NFKC can itself produce digits or format characters of other scripts: fold those too.
  return [...folded]
    .map((part) => (part === char ? part : fold(part, part.codePointAt(0) ?? 0)))
    .join('')
}

/** The detector's view of `original`, with the way back. */
export function normalizeText(original: string): NormalizedText {
  if (!NON_ASCII.test(original)) {
    return { text: original, origins: [], original }
  }
  let text = ''
  const origins: number[] = []
  let offset = 0
  for (const char of original) {
    const folded = fold(char, char.codePointAt(0) ?? 0)
    for (let unit = 0; unit < folded.length; unit += 1) {
      origins.push(offset)
    }
    text += folded
    offset += char.length
  }
  return { text, origins, original }
}

/**
 * The original span of the normalised span `[start, end)`: from the code point the first unit
 * came from to the end of the code point the last one came from.
 */
export function originalSpan(
  normalized: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  if (normalized.origins.length === 0) {
    return { start, end }
  }
  const first = normalized.origins[start] ?? normalized.original.length
  const lastOrigin = normalized.origins[Math.max(start, end - 1)] ?? normalized.original.length
  const lastLength = (normalized.original.codePointAt(lastOrigin) ?? 0) > 0xffff ? 2 : 1
  return { start: first, end: Math.min(normalized.original.length, lastOrigin + lastLength) }
}

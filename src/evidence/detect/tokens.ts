/**
 * The tokeniser behind `detectStatistics`: one pass over the UTF-16 code units turns a
 * text into a compact token stream (`Tokens`) held in parallel typed arrays — kind
 * (number, word, punctuation), start, end, whitespace/line-break flags and a case-folded
 * FNV-1a hash of every word. No per-token objects or strings are allocated.
 *
 * Patterns read the stream through `Tokens`' bounds-safe accessors (`t.is(i, 'percent')`,
 * `t.isPunct(i, '%')`, `t.tight(i)` …); lexicons match words by `hashWord`.
 */
export const NUM = 1
export const WORD = 2
export const PUNCT = 3

/** Whitespace precedes the token. */
const F_SPACE = 1
/** A line break precedes the token (or it is the first token). */
const F_LINE = 2

const FNV_OFFSET = 0x811c9dc5 | 0
const FNV_PRIME = 0x01000193
/** Hashes are kept to 30 bits so they stay small integers (no heap numbers in Map keys). */
const SMI_MASK = 0x3fffffff

/** Per code unit cache for non-ASCII letters: 0 unknown, 1 letter, 2 not a letter. */
const unicodeLetter = new Uint8Array(65536)
const LETTER_RE = /\p{L}|\p{M}/u

function isLetterCode(c: number): boolean {
  if (c < 128) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
  }
  if (c >= 0xd800 && c <= 0xdfff) {
    return false
  }
  let k = unicodeLetter[c] ?? 0
  if (k === 0) {
    k = LETTER_RE.test(String.fromCharCode(c)) ? 1 : 2
    unicodeLetter[c] = k
  }
  return k === 1
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57
}

function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

function isNewlineCode(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029
}

/** Lower-cases ASCII letters and folds the typographic apostrophe to `'`. */
function foldCode(c: number): number {
  if (c >= 65 && c <= 90) {
    return c + 32
  }
  if (c === 0x2019) {
    return 39
  }
  return c
}

export function hashWord(word: string): number {
  let h = FNV_OFFSET
  for (let k = 0; k < word.length; k++) {
    h = Math.imul(h ^ foldCode(word.charCodeAt(k)), FNV_PRIME)
  }
  return h & SMI_MASK
}

export interface NumScratch {
  value: number
  decimals: number
  plainDigits: number
}

/**
 * The token stream: parallel typed arrays, grown by doubling. Numbers keep their
 * grouping commas and decimal point in one token ("1,162", "6.8", ".03"); words keep
 * inner apostrophes ("Cohen's"); every other non-space character is its own token.
 */
export class Tokens {
  readonly text: string
  n = 0
  kind: Uint8Array
  flags: Uint8Array
  start: Int32Array
  end: Int32Array
  hash: Int32Array

  constructor(text: string) {
    this.text = text
    const cap = Math.max(64, text.length >> 2)
    this.kind = new Uint8Array(cap)
    this.flags = new Uint8Array(cap)
    this.start = new Int32Array(cap)
    this.end = new Int32Array(cap)
    this.hash = new Int32Array(cap)
    this.scan()
  }

  private grow(): void {
    const cap = this.kind.length * 2
    const kind = new Uint8Array(cap)
    kind.set(this.kind)
    const flags = new Uint8Array(cap)
    flags.set(this.flags)
    const start = new Int32Array(cap)
    start.set(this.start)
    const end = new Int32Array(cap)
    end.set(this.end)
    const hash = new Int32Array(cap)
    hash.set(this.hash)
    this.kind = kind
    this.flags = flags
    this.start = start
    this.end = end
    this.hash = hash
  }

  private push(kind: number, start: number, end: number, flags: number, hash: number): void {
    if (this.n === this.kind.length) {
      this.grow()
    }
    const i = this.n++
    this.kind[i] = kind
    this.start[i] = start
    this.end[i] = end
    this.flags[i] = flags
    this.hash[i] = hash
  }

  private scan(): void {
    const text = this.text
    const len = text.length
    let pos = 0
    let pending = F_LINE
    while (pos < len) {
      const c = text.charCodeAt(pos)
      if (isSpaceCode(c)) {
        pending |= isNewlineCode(c) ? F_SPACE | F_LINE : F_SPACE
        pos++
        continue
      }
      const s = pos
      if (
        isDigitCode(c) ||
        (c === 46 && isDigitCode(text.charCodeAt(pos + 1)) && !this.alnumBefore(pos))
      ) {
        pos = this.scanNumber(pos)
        this.push(NUM, s, pos, pending, 0)
      } else if (isLetterCode(c)) {
        let h = FNV_OFFSET
        while (pos < len) {
          const d = text.charCodeAt(pos)
          if (isLetterCode(d)) {
            h = Math.imul(h ^ foldCode(d), FNV_PRIME)
            pos++
          } else if ((d === 39 || d === 0x2019) && isLetterCode(text.charCodeAt(pos + 1))) {
            h = Math.imul(h ^ 39, FNV_PRIME)
            pos++
          } else {
            break
          }
        }
        this.push(WORD, s, pos, pending, h & SMI_MASK)
      } else {
        pos += c >= 0xd800 && c <= 0xdbff && pos + 1 < len ? 2 : 1
        this.push(PUNCT, s, pos, pending, 0)
      }
      pending = 0
    }
  }

  private alnumBefore(pos: number): boolean {
    if (pos === 0) {
      return false
    }
    const p = this.text.charCodeAt(pos - 1)
    return isDigitCode(p) || isLetterCode(p)
  }

  /** Digits, then grouping commas ",ddd" (first group ≤ 3 digits), then one ".ddd". */
  private scanNumber(pos: number): number {
    const text = this.text
    const len = text.length
    if (text.charCodeAt(pos) !== 46) {
      const groupStart = pos
      while (pos < len && isDigitCode(text.charCodeAt(pos))) {
        pos++
      }
      if (pos - groupStart <= 3) {
        while (
          text.charCodeAt(pos) === 44 &&
          isDigitCode(text.charCodeAt(pos + 1)) &&
          isDigitCode(text.charCodeAt(pos + 2)) &&
          isDigitCode(text.charCodeAt(pos + 3)) &&
          !isDigitCode(text.charCodeAt(pos + 4))
        ) {
          pos += 4
        }
      }
    }
    if (text.charCodeAt(pos) === 46 && isDigitCode(text.charCodeAt(pos + 1))) {
      pos++
      while (pos < len && isDigitCode(text.charCodeAt(pos))) {
        pos++
      }
    }
    return pos
  }

  // --- accessors (all bounds-safe: out-of-range indices read as "nothing") ---

  k(i: number): number {
    return i >= 0 && i < this.n ? (this.kind[i] ?? 0) : 0
  }

  s(i: number): number {
    return this.start[i] ?? 0
  }

  e(i: number): number {
    return this.end[i] ?? 0
  }

  /** True when no whitespace separates token i from token i-1. */
  tight(i: number): boolean {
    return i > 0 && i < this.n && ((this.flags[i] ?? 0) & F_SPACE) === 0
  }

  lineStart(i: number): boolean {
    return i === 0 || ((this.flags[i] ?? 0) & F_LINE) !== 0
  }

  raw(i: number): string {
    return this.text.slice(this.s(i), this.e(i))
  }

  lower(i: number): string {
    return this.raw(i).toLowerCase()
  }

  /** First code unit of a punctuation token, or -1. */
  p(i: number): number {
    return this.k(i) === PUNCT ? this.text.charCodeAt(this.s(i)) : -1
  }

  isPunct(i: number, chars: string): boolean {
    const c = this.p(i)
    if (c === -1) {
      return false
    }
    for (let k = 0; k < chars.length; k++) {
      if (chars.charCodeAt(k) === c) {
        return true
      }
    }
    return false
  }

  /**
   * Parses NUM token i without allocating: value, digits after the point, and whether
   * it is a plain digit run (no comma, no point) — its length, else 0.
   */
  num(i: number, out: NumScratch): void {
    const text = this.text
    const e = this.e(i)
    let value = 0
    let decimals = 0
    let inFraction = false
    let plain = true
    let scale = 0.1
    for (let k = this.s(i); k < e; k++) {
      const c = text.charCodeAt(k)
      if (c === 44) {
        plain = false
      } else if (c === 46) {
        plain = false
        inFraction = true
      } else if (inFraction) {
        value += (c - 48) * scale
        scale /= 10
        decimals++
      } else {
        value = value * 10 + (c - 48)
      }
    }
    out.value = decimals > 0 ? Number(value.toFixed(decimals)) : value
    out.decimals = decimals
    out.plainDigits = plain ? e - this.s(i) : 0
  }

  /** Case-insensitive comparison of word token i with a lower-case word. */
  is(i: number, word: string): boolean {
    if (this.k(i) !== WORD) {
      return false
    }
    const s = this.s(i)
    if (this.e(i) - s !== word.length) {
      return false
    }
    for (let k = 0; k < word.length; k++) {
      if (foldCode(this.text.charCodeAt(s + k)) !== word.charCodeAt(k)) {
        return false
      }
    }
    return true
  }

  /** Case-sensitive comparison. */
  isExactly(i: number, word: string): boolean {
    return (
      this.k(i) === WORD &&
      this.e(i) - this.s(i) === word.length &&
      this.text.startsWith(word, this.s(i))
    )
  }

  /** Sentence / cell boundary: . ! ? ; | or a line break before token i. */
  boundaryBefore(i: number): boolean {
    return this.lineStart(i) || this.isPunct(i - 1, '.!?;|')
  }
}

/**
 * The line shapes of the article format: cleaning a raw line (markdown `#`/`**`, odd spaces),
 * emoji icons, bullets, separators, pipe-table rows, quotes, chart notes, "Title: text" lines
 * and splitting prose into sentences. Each answers a question about one line's text.
 */

export interface Line {
  /** 1-based line number. */
  no: number
  /** Cleaned text: trimmed, single-spaced, without markdown `#`/`**` decoration. */
  text: string
  /** Leading whitespace width (tabs count 2), for nested bullets. */
  indent: number
  /** The line started with a markdown `#`. */
  hashHeading: boolean
}

const EMOJI =
  '(?![\\u00A9\\u00AE\\u2122])(?:\\p{Extended_Pictographic}|\\p{Regional_Indicator})(?:[\\uFE0F\\u20E3\\p{Emoji_Modifier}]|\\u200D(?:\\p{Extended_Pictographic}|\\p{Regional_Indicator}))*'
const LEADING_ICON_RE = new RegExp(`^((?:${EMOJI}\\s*)+)`, 'u')
const TRAILING_ICON_RE = new RegExp(`((?:\\s*${EMOJI})+)$`, 'u')

const BULLET_RE = /^(?:[-–—•*▪●◦·‣]|\d{1,2}[.)])\s+(\S.*)$/u
export const NUMBERED_RE = /^(\d{1,3})[.)]\s+(\S.*)$/
const SEPARATOR_RE = /^(?:[-–—•*▪●◦·‣]|[-*_=]{3,})$/u
export const STRAY_MARKER_RE = /\s+[-–—•*]$/u

const ABBREVIATIONS = /(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|vs|etc|approx|No|Fig)|\be\.g|\bi\.e|\bU\.S)\.$/

export function cleanLine(raw: string, no: number): Line {
  const expanded = raw.replace(/\t/g, '  ')
  const indent = expanded.length - expanded.trimStart().length
  let text = expanded
    .replace(/[\u200B\u200C\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  let hashHeading = false
  // `text` is single-spaced and trimmed here: "## Heading ##" → "Heading" (a closing run of `#`
  // after a space is dropped).
  const hash = /^#{1,6}\s(.*)$/.exec(text)
  if (hash) {
    text = (hash[1] ?? '').replace(/\s#+$/, '')
    hashHeading = true
  }
  text = text.replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '$1').replace(/__(\S(?:.*?\S)?)__/g, '$1')
  return { no, text, indent, hashHeading }
}

/** Splits a leading or trailing emoji off a text. */
export function splitIcon(text: string): { text: string; icon?: string } {
  const trailing = TRAILING_ICON_RE.exec(text)
  if (trailing && trailing.index > 0) {
    return {
      text: text.slice(0, trailing.index).trim(),
      icon: (trailing[1] ?? '').replace(/\s+/g, ''),
    }
  }
  const leading = LEADING_ICON_RE.exec(text)
  if (leading && leading[0].length < text.length) {
    return {
      text: text.slice(leading[0].length).trim(),
      icon: (leading[1] ?? '').replace(/\s+/g, ''),
    }
  }
  return { text }
}

export function wordCount(text: string): number {
  return text.split(' ').filter(Boolean).length
}

export function isBullet(text: string): boolean {
  return BULLET_RE.test(text)
}

export function bulletText(text: string): string {
  return BULLET_RE.exec(text)?.[1]?.trim() ?? text
}

export function isSeparator(text: string): boolean {
  return SEPARATOR_RE.test(text)
}

export function splitRow(text: string): string[] {
  let s = text.trim()
  if (s.startsWith('|')) {
    s = s.slice(1)
  }
  if (s.endsWith('|')) {
    s = s.slice(0, -1)
  }
  return s.split('|').map((c) => c.trim())
}

export function isPipeRow(text: string): boolean {
  return text.includes('|') && splitRow(text).length >= 2
}

export function isTableSeparatorRow(text: string): boolean {
  return isPipeRow(text) && splitRow(text).every((c) => /^:?-{2,}:?$/.test(c))
}

const CHART_NOTE_RE =
  /^(?:(?:this|the|our|that|a|an|below|above)\s+)?(?:[\w-]+\s+){0,2}(?:chart|graph|infographic|diagram|visuali[sz]ation|figure|illustration)\b.+\b(?:visuali[sz]es|illustrates|shows|compares|depicts|displays|highlights|summari[sz]es|below|above)\b/i

export function isChartNote(text: string): boolean {
  return CHART_NOTE_RE.test(text)
}

/** Splits prose into sentences, without breaking after "Dr." or "e.g.". */
export function sentences(text: string): string[] {
  const parts = text.split(/(?<=[.!?…][”"’')]?)\s+(?=[\p{Lu}\p{N}“"‘'(])/u)
  const out: string[] = []
  for (const part of parts) {
    const prev = out[out.length - 1]
    if (prev !== undefined && ABBREVIATIONS.test(prev)) {
      out[out.length - 1] = `${prev} ${part}`
    } else {
      out.push(part)
    }
  }
  return out.map((s) => s.trim()).filter(Boolean)
}

/** "Title: instruction" or "Title – instruction" with a short title. */
export function splitTitled(text: string): { title: string; rest: string } | undefined {
  for (const re of [/^(.+?):\s+(\S.*)$/u, /^(.+?)\s[–—]\s+(\S.*)$/u]) {
    const m = re.exec(text)
    if (!m) {
      continue
    }
    const title = (m[1] ?? '').trim()
    const rest = (m[2] ?? '').trim()
    if (
      title.length > 80 ||
      wordCount(title) > 10 ||
      /[.!?]\s/.test(title) ||
      /[.!?]$/.test(title)
    ) {
      continue
    }
    if (!/^[\p{Lu}\p{N}]/u.test(splitIcon(title).text)) {
      continue
    }
    return { title, rest }
  }
  return undefined
}

export function parseQuoteText(text: string): { text: string; attribution?: string } | undefined {
  // `(?=(…))\2` takes the dashes and spaces whole (a possessive `[—–-]++\s*+`); a dash run
  // with nothing after it is an attribution of its last dash ("“…” --" → "-").
  const m = /^[“"„«]\s*(\S.*?)[”"»]\s*(?:(?=([—–-]+\s*))\2(\S.*)|([—–-]{2,})\s*)?$/u.exec(text)
  if (m) {
    const inner = (m[1] ?? '').trim()
    if (!inner || /[“”"]/u.test(inner)) {
      return undefined
    }
    const attribution = m[3]?.trim() ?? m[4]?.slice(-1)
    return attribution ? { text: inner, attribution } : { text: inner }
  }
  const block = /^>\s*(\S.*)$/.exec(text)
  if (block) {
    return { text: (block[1] ?? '').trim() }
  }
  return undefined
}

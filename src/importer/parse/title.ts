/**
 * The article's title when the file has no "Title:" line (from the comparison heading or the
 * file name), and its slug — made by Payload's own `slugify`, the function the Articles slug
 * field uses, so an imported article gets exactly the slug Payload would give it.
 */

import { slugify as payloadSlugify } from 'payload/shared'

/**
 * The slug Payload's slug field makes from a title ("Benefits of Acupuncture" →
 * "benefits-of-acupuncture", "100% Natural" → "100-natural"); empty when nothing is left.
 */
export function slugify(title: string): string {
  return payloadSlugify(title) ?? ''
}

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'vs',
  'with',
])

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "acupuncture-back-pain.txt" → "Acupuncture Back Pain". */
export function titleFromFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const stem = base.replace(/(?:\.[a-z0-9]{1,5})+$/i, '')
  const words = stem.split(/[-_.\s]+/).filter(Boolean)
  if (words.length === 0) {
    return undefined
  }
  return words
    .map((w, i) =>
      i > 0 && SMALL_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : capitalizeFirst(w),
    )
    .join(' ')
}

const COMPARE_WORD_RE = /\bcompar(?:ison|ing|ed)\b|\bat a glance\b|\bside[- ]by[- ]side\b/i

/** "Benefits Comparison of Acupuncture for Back Pain" → "Benefits of Acupuncture for Back Pain". */
export function titleFromComparisonHeading(heading: string): string | undefined {
  if (!COMPARE_WORD_RE.test(heading)) {
    return undefined
  }
  const title = heading
    .replace(/^(.*?\S)\s+comparison\s+(of|for)\s+/i, '$1 $2 ')
    .replace(/^(?:an?\s+|the\s+)?comparison\s+of\s+/i, '')
    .replace(/^comparing\s+/i, '')
    .replace(/\s*[:–—-]\s*(?:an?\s+)?(?:side[- ]by[- ]side\s+|quick\s+)?comparison$/i, '')
    .replace(/\s*(?:compared|at a glance|side[- ]by[- ]side)$/i, '')
    .replace(/\bcomparison\b/i, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*[:–—-]\s*$/, '')
    .trim()
  return title ? capitalizeFirst(title) : undefined
}

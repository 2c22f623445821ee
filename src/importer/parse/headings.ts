/**
 * Headings of the article format: what looks like a heading, the numbered benefit headings
 * ("1. Natural Pain Reduction"), the sub-headings inside a benefit section (clinical
 * perspective, tips) and the headings of the closing part (key takeaways, next steps, why it
 * matters, conclusion).
 */

import { isBullet, isSeparator, NUMBERED_RE, splitIcon, wordCount } from './lines'

/** A short line without sentence punctuation at the end: a heading, a takeaway title, … */
export function isHeadingLike(text: string): boolean {
  if (!text || text.length > 110 || text.includes('|')) {
    return false
  }
  if (isBullet(text) || isSeparator(text)) {
    return false
  }
  if (/^[“"'‘(«>]/u.test(text)) {
    return false
  }
  const plain = splitIcon(text).text
  const words = wordCount(plain)
  if (words === 0 || words > 15) {
    return false
  }
  if (/[.:;,!…]$/u.test(plain)) {
    return false
  }
  if (plain.endsWith('?') && words > 10) {
    return false
  }
  return /^[\p{Lu}\p{N}]/u.test(plain)
}

/** "1. Natural Pain Reduction Without Medications" → number and title. */
export function numberedHeading(
  text: string,
): { number: number; title: string; icon?: string } | undefined {
  const m = NUMBERED_RE.exec(text)
  if (!m) {
    return undefined
  }
  const rest = m[2] ?? ''
  const plain = splitIcon(rest)
  const words = wordCount(plain.text)
  if (rest.length > 110 || words > 15 || words === 0) {
    return undefined
  }
  if (/[.:;,!…]$/u.test(plain.text) || rest.includes('|')) {
    return undefined
  }
  if (!/^[\p{Lu}\p{N}]/u.test(plain.text)) {
    return undefined
  }
  return { number: Number(m[1]), title: plain.text, ...(plain.icon ? { icon: plain.icon } : {}) }
}

/** Text of a possible heading with emoji and a trailing colon removed, for keyword matching. */
export function headingKey(text: string): string {
  return splitIcon(text).text.replace(/\s*:$/, '').trim()
}

export const PERSPECTIVE_RE =
  /^(?:how [\w-]+ works?\b.*|(?:a |the )?clinical (?:perspective|view|evidence|insights?|picture)\b.*|.*\bclinical perspective\b.*|what (?:the )?(?:research|science|evidence|studies|experts) (?:says?|shows?)\b.*|the (?:science|evidence|research)(?: behind (?:it|this))?|(?:the )?science behind\b.*|in (?:the )?clinic|from the (?:clinic|treatment room))$/i
export const TIPS_RE =
  /^(?:(?:[\w'’-]+\s+){0,3}(?:tips|pointers|recommendations|guidelines|dos and don'?ts|do's and don'?ts)(?:\s+(?:for|to|on|from|at)\b.*)?|(?:how to (?:get|make) the most|making the most|getting the most)\b.*|(?:aftercare|self-care|at-home care)(?:\s+(?:\S.*)?)?|putting (?:it|this) into practice|(?:simple |practical |easy )?steps (?:to|for)\b.*)$/i

export function isSubHeading(text: string, re: RegExp): boolean {
  const key = headingKey(text)
  if (!re.test(key)) {
    return false
  }
  if (isHeadingLike(text)) {
    return true
  }
  // "Clinical Perspective:" — a trailing colon is tolerated on short lines.
  return text.endsWith(':') && wordCount(key) <= 6 && isHeadingLike(key)
}

const TAKEAWAYS_RE =
  /^(?:(?:the|your)\s+)?(?:(?:key|main|quick|top|important)\s+)?(?:takeaways?|points to remember|lessons)$|^(?:key|main) points$/i
const ACTIONS_RE =
  /^(?:(?:actionable|practical|recommended|simple|your|immediate|concrete)\s+)*(?:next\s+steps|action\s+steps|action\s+plan|steps to take)$/i
const WHY_RE =
  /^why (?:it|this|that|these [\w-]+|they|acupuncture|[\w-]+) matters?(?: (?:for|to) you)?$/i
const CONCLUSION_RE =
  /^(?:(?:in\s+)?conclusion|final thoughts|(?:the\s+)?bottom line|wrapping up|summary|in summary)$/i

export type PostHeadingKind = 'takeaways' | 'actions' | 'why' | 'conclusion'

export function postHeadingKind(text: string): PostHeadingKind | undefined {
  if (!text || isBullet(text) || text.length > 80) {
    return undefined
  }
  const key = headingKey(text)
  if (!isHeadingLike(key)) {
    return undefined
  }
  if (TAKEAWAYS_RE.test(key)) {
    return 'takeaways'
  }
  if (ACTIONS_RE.test(key)) {
    return 'actions'
  }
  if (WHY_RE.test(key)) {
    return 'why'
  }
  if (CONCLUSION_RE.test(key)) {
    return 'conclusion'
  }
  return undefined
}

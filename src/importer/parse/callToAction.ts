/**
 * The call to action that ends an article ("Ready to feel better? Schedule your consultation
 * today.") and the button label taken from it ("Schedule your consultation").
 */

import { isHeadingLike } from './headings'
import { isBullet, parseQuoteText, sentences, wordCount } from './lines'

const CTA_VERB =
  /^(?:please\s+)?(?:schedule|book|call|contact|visit|request|reserve|sign up|get in touch|reach out|make an appointment|claim|start|begin)\b/i

export function isCallToAction(text: string): boolean {
  if (isBullet(text) || isHeadingLike(text) || parseQuoteText(text)) {
    return false
  }
  if (/^ready (?:to|for)\b/i.test(text)) {
    return (
      sentences(text).some((s) => CTA_VERB.test(s)) ||
      /\b(?:book|schedule|call|contact)\b/i.test(text)
    )
  }
  return CTA_VERB.test(text)
}

export function ctaLabel(text: string): string | undefined {
  const sentence = sentences(text).find((s) => CTA_VERB.test(s))
  if (!sentence) {
    return undefined
  }
  const label = sentence
    .replace(/[.!?]+$/, '')
    .split(/\s+(?:today|now|online|with|at|by|to|and|so|via|through|from)\b|[,;:(–—]/i)[0]
    ?.trim()
  if (!label || wordCount(label) > 8) {
    return undefined
  }
  return label
}

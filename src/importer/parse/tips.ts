/**
 * Keyword rules that infer a tip's timing (before, during, right after a session, within 24
 * hours, ongoing) and its category (hydration, heat, movement, …) from its words.
 */

import type { TipCategory, TipTiming } from '../parse'

const SESSION_WORDS = 'sessions?|treatments?|appointments?|visits?|massages?|cupping|acupuncture'
const SESSION = `(?:${SESSION_WORDS})`
const SESSION_DET = '(?:your|each|the|a|every|any)'

const TIMING_RULES: Record<Exclude<TipTiming, 'ongoing'>, RegExp[]> = {
  before: [
    new RegExp(`\\bbefore (?:and after )?(?:${SESSION_DET}\\s+)?(?:\\w+ )?${SESSION}\\b`, 'i'),
    new RegExp(
      `\\b(?:prior to|ahead of|in preparation for) (?:${SESSION_DET}\\s+)?(?:next |first )?${SESSION}\\b`,
      'i',
    ),
    /\bbeforehand\b/i,
    /\bpre-(?:treatment|session|appointment)\b/i,
    /\b(?:arrive|show up)(?: a few| \w+)?(?: minutes)? early\b/i,
  ],
  during: [
    new RegExp(
      `(?<!(?:initiated|started|begun|gained|achieved|released|triggered|created|made|felt) )\\bduring (?:and after )?(?:${SESSION_DET}\\s+)?(?:${SESSION_WORDS}|needle insertion|needling)\\b(?!\\s+(?:period|course|plan|program|series|schedule))`,
      'i',
    ),
    /\bwhile (?:the )?(?:needles|cups) are (?:in|on)\b/i,
    /\b(?:on|lying on) the (?:treatment |massage )?table\b/i,
    /\bmid-(?:session|treatment)\b/i,
  ],
  'right-after': [
    /\b(?:immediately|right|directly|straight|just) after\b/i,
    new RegExp(`\\bafter ${SESSION_DET}\\s+(?:[\\w-]+\\s+)?${SESSION}\\b`, 'i'),
    /\bafterwards?\b/i,
    /\bpost-(?:treatment|session)\b/i,
    /\bonce you (?:get|are) home\b/i,
  ],
  'within-24h': [
    /\b(?:24|twenty-four)[- ]?(?:hours?|hrs?)\b/i,
    /\b(?:later|rest of|remainder of) (?:that|the) (?:day|evening)\b/i,
    /\blater (?:that|in the) (?:day|evening)\b/i,
    /\b(?:that|the same) (?:evening|night)\b/i,
    /\b(?:a few|several|an?|one|two|three|four|five|six|\d+(?:\s*(?:-|–|to)\s*\d+)?|(?:one|two|three|four) to (?:two|three|four|five|six|eight)) hours? after\b/i,
    /\b(?:the )?next (?:morning|day)\b/i,
    new RegExp(`\\b(?:evening|night|day) after ${SESSION_DET}\\s+${SESSION}\\b`, 'i'),
  ],
}

const ONGOING_RULES: RegExp[] = [
  /\b(?:per|a|each|every) (?:day|week|month)\b/i,
  /\b(?:daily|nightly|weekly|monthly|every (?:morning|evening|night))\b/i,
  /\bthroughout\b/i,
  /\b(?:treatment|recovery|healing) (?:period|course)\b/i,
  /\bfor (?:at least )?(?:\w+(?: to \w+)?|\d+(?:\s*[-–]\s*\d+)?) (?:weeks|months)\b/i,
  /\bbetween (?:your |each |the )?(?:sessions|treatments|appointments|visits)\b/i,
  /\bmaintenance\b/i,
  /\b(?:consistent|consistently|consistency|regular|regularly|routine|habits?|long-term|ongoing)\b/i,
  /\b(?:times|days) (?:a|per) week\b/i,
]

/**
 * Infers when a tip applies. A specific moment wins over "ongoing"; "24 hours after" wins over
 * "after your session"; contradicting moments ("before and after") give undefined.
 */
export function inferTipTiming(text: string): TipTiming | undefined {
  const specific = new Set<TipTiming>()
  for (const [timing, rules] of Object.entries(TIMING_RULES) as [TipTiming, RegExp[]][]) {
    if (rules.some((re) => re.test(text))) {
      specific.add(timing)
    }
  }
  if (specific.has('within-24h')) {
    specific.delete('right-after')
  }
  if (specific.size === 1) {
    return [...specific][0]
  }
  if (specific.size > 1) {
    return undefined
  }
  return ONGOING_RULES.some((re) => re.test(text)) ? 'ongoing' : undefined
}

const CATEGORY_RULES: Record<TipCategory, RegExp[]> = {
  hydration: [
    /\bhydrat\w*/i,
    /\bwater\b/i,
    /\bfluids?\b/i,
    /\bdrink(?:s|ing)? (?:plenty|more|a glass|water|fluids|herbal)/i,
    /\bherbal teas?\b/i,
    /\belectrolytes?\b/i,
  ],
  heat: [
    /\bheat(?:ing)?\b/i,
    /\bwarm(?:th)?\b(?!-up)/i,
    /\bcompress(?:es)?\b/i,
    /\bhot (?:bath|shower|pack|towel|water bottle)s?\b/i,
    /\b(?:ice|ice packs?|cold (?:packs?|compress(?:es)?|applications?|therapy))\b/i,
    /\bsauna\b/i,
    /\bepsom\b/i,
  ],
  movement: [
    /\bwalk(?:s|ing)?\b/i,
    /\bstretch(?:es|ing)?\b/i,
    /\bexercis\w*/i,
    /\bmovement\b/i,
    /\bmov(?:e|ing)\b/i,
    /\bmobility\b/i,
    /\byoga\b/i,
    /\btai chi\b/i,
    /\brange of motion\b/i,
    /\b(?:neck|shoulder) rolls?\b/i,
    /\brotat(?:e|es|ing|ion|ions)\b/i,
    /\bchin tucks?\b/i,
    /\bphysical activit/i,
  ],
  rest: [
    /\brest(?:ing)?\b(?! of)/i,
    /\b(?:avoid|refrain from|skip|no|free of) (?:any )?(?:strenuous|heavy|intense|vigorous)\b/i,
    /\bquiet (?:evening|day|time|night|afternoon)\b/i,
    /\bheavy lifting\b/i,
    /\btake it easy\b/i,
    /\bdowntime\b/i,
    /\bgive your (?:body|muscles|neck|back) time\b/i,
  ],
  diet: [
    /\bdiet\w*/i,
    /\bfoods?\b/i,
    /\bmeals?\b/i,
    /\beat(?:s|ing)?\b/i,
    /\bnutri\w*/i,
    /\bcaffeine\b/i,
    /\balcohol\b/i,
    /\bsugars?\b/i,
    /\bomega-?3s?\b/i,
    /\bsupplement\w*/i,
    /\bvitamin\w*/i,
    /\bmagnesium\b/i,
    /\bprotein\b/i,
    /\bturmeric\b/i,
  ],
  sleep: [
    /\bsleep\w*/i,
    /\bbedtime\b/i,
    /\bbed\b/i,
    /\bnap(?:s|ping)?\b/i,
    /\binsomnia\b/i,
    /\bpillows?\b/i,
    /\bmattress\b/i,
    /\bdim(?:ming)? the lights\b/i,
    /\bnighttime\b/i,
    /\bwind[- ]down\b/i,
  ],
  mindfulness: [
    /\bmindful\w*/i,
    /\bmeditat\w*/i,
    /\bbreath(?:e|es|ing|s|work)?\b/i,
    /\brelaxation\b/i,
    /\bcalm\w*/i,
    /\bvisuali[sz]\w*/i,
    /\bjournal\w*/i,
    /\bstress (?:management|relief|reduction)\b/i,
  ],
  ergonomics: [
    /\bergonomic\w*/i,
    /\bposture\b/i,
    /\bdesk\b/i,
    /\bworkstation\b/i,
    /\bchair\b/i,
    /\b(?:monitor|screen) (?:height|at eye level)\b/i,
    /\beye level\b/i,
    /\bsitting\b/i,
    /\btext neck\b/i,
    /\bphone (?:use|posture|down)\b/i,
    /\bkeyboard\b/i,
    /\blaptop\b/i,
    /\bcarry(?:ing)? (?:a |your )?(?:bag|backpack|handbag)/i,
  ],
  scheduling: [
    /\b(?<!sleep )schedul\w*/i,
    /\bbook(?:ing)?\b/i,
    /\bappointments?\b/i,
    /\btiming\b/i,
    /\bfrequency\b/i,
    /\bsessions? (?:per|a|each) (?:week|month)\b/i,
    /\b(?:once|twice|\w+ times) (?:a|per) (?:week|month)\b/i,
    /\bonce or twice\b/i,
    /\bcalendar\b/i,
  ],
  safety: [
    /\blicens\w*/i,
    /\bcertifi\w*/i,
    /\bcredentials?\b/i,
    /\bsterile\b/i,
    /\bsingle-use\b/i,
    /\bdisposable\b/i,
    /\binfection\b/i,
    /\bmedications?\b/i,
    /\bhealth history\b/i,
    /\bmedical (?:conditions?|history)\b/i,
    /\bblood thinners?\b/i,
    /\bpregnan\w*/i,
    /\bunusual\b/i,
    /\bdizz\w*/i,
    /\bbroken skin\b/i,
    /\bsafe(?:ty|ly)?\b/i,
  ],
}

/**
 * Infers what a tip is about: each keyword rule scores 2 when it matches the title and 1 when it
 * matches the instruction; the best category wins, a tie (or no match) gives undefined.
 */
export function inferTipCategory(title: string, instruction: string): TipCategory | undefined {
  let best: TipCategory | undefined
  let bestScore = 0
  let tie = false
  for (const [category, rules] of Object.entries(CATEGORY_RULES) as [TipCategory, RegExp[]][]) {
    let score = 0
    for (const re of rules) {
      if (re.test(title)) {
        score += 2
      }
      if (re.test(instruction)) {
        score += 1
      }
    }
    if (score > bestScore) {
      best = category
      bestScore = score
      tie = false
    } else if (score === bestScore && score > 0) {
      tie = true
    }
  }
  return tie ? undefined : best
}

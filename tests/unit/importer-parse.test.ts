import { fc, test } from '@fast-check/vitest'
import { readFileSync } from 'node:fs'
import { slugify as payloadSlugify } from 'payload/shared'
import { describe, expect, it } from 'vitest'

import type { ParsedArticle } from '../../src/importer/parse'

import {
  ImportError,
  inferTipCategory,
  inferTipTiming,
  parseArticle,
  slugify,
} from '../../src/importer/parse'

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')

const ACUPUNCTURE = fixture('acupuncture-back-pain.txt')
const CUPPING = fixture('cupping-neck-tension.txt')

/** Runs the parser and returns the ImportError it throws. */
function importError(text: string, options?: { fileName?: string }): ImportError {
  try {
    parseArticle(text, options)
  } catch (err) {
    if (err instanceof ImportError) {
      return err
    }
    throw err
  }
  throw new Error('expected an ImportError')
}

/** A small but complete article of the family. */
function miniArticle(parts: { sections?: string[]; after?: string[] } = {}): string {
  const sections = parts.sections ?? [
    [
      '1. Less Pain',
      'Body text of the first benefit.',
      'How It Works',
      'Perspective text of the first benefit.',
      'Practical Tips',
      'Try these:',
      '- Drink Water: Drink a glass of water after your session.',
      'Closing text.',
    ].join('\n'),
    [
      '2. Better Sleep',
      'Body text of the second benefit.',
      'Clinical Perspective',
      'Perspective text of the second benefit.',
      'Tips for Bedtime',
      'Try these:',
      '- Wind Down: Dim the lights an hour before bed.',
      'Closing text.',
    ].join('\n'),
  ]
  return ['Title: Mini Article', 'An intro paragraph.', ...sections, ...(parts.after ?? [])].join(
    '\n',
  )
}

const ACUPUNCTURE_TITLES = [
  'Natural Pain Reduction Without Medications',
  'Improved Blood Circulation and Healing',
  'Muscle Tension Release and Relaxation',
  'Reduced Inflammation in Spinal Tissues',
  'Enhanced Sleep Quality and Pain Management',
  'Stress and Anxiety Reduction',
  'Minimal Side Effects Compared to Medications',
  'Long-term Pain Prevention and Management',
]

describe('parseArticle — acupuncture-back-pain.txt', () => {
  const article: ParsedArticle = parseArticle(ACUPUNCTURE, {
    fileName: 'acupuncture-back-pain.txt',
  })

  it('derives the title from the comparison heading and slugifies it', () => {
    expect(article.title).toBe('Benefits of Acupuncture for Back Pain')
    expect(article.titleSource).toBe('comparison-heading')
    expect(article.slug).toBe('benefits-of-acupuncture-for-back-pain')
  })

  it('reads the two intro paragraphs', () => {
    expect(article.intro).toHaveLength(2)
    expect(article.intro[0]).toMatch(/^Back pain is more than a physical ailment/)
    expect(article.intro[1]).toMatch(/^At Eric Tsai Acupuncture & Herbs/)
  })

  it('finds the 8 numbered benefit sections with their exact titles', () => {
    expect(article.benefits.map((b) => b.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(article.benefits.map((b) => b.title)).toEqual(ACUPUNCTURE_TITLES)
    expect(article.benefits.map((b) => b.line)).toEqual([3, 17, 29, 41, 54, 67, 80, 93])
  })

  it('splits each section into body, perspective, tips and closing', () => {
    for (const b of article.benefits) {
      expect(b.body.length).toBeGreaterThanOrEqual(2)
      expect(b.perspectiveHeading).toBe('How It Works: A Clinical Perspective')
      expect(b.perspective.length).toBeGreaterThan(0)
      expect(b.tipsHeading).toBe('Actionable Tips for Your Treatment')
      expect(b.tipsLeadIn).toMatch(/:$/)
      expect(b.closing).toHaveLength(1)
      expect(b.summary).toBe(b.body[0]?.split('. ')[0] + '.')
    }
    const first = article.benefits[0]
    expect(first.perspective[0]).toContain('70% of their patients')
    expect(first.tipsLeadIn).toBe(
      'To maximize the benefits of this natural approach, consider these practical steps:',
    )
    expect(first.closing[0]).toMatch(/^By leveraging the body’s own healing mechanisms/)
    // Sections 4–8 have two perspective paragraphs.
    expect(article.benefits.map((b) => b.perspective.length)).toEqual([1, 1, 1, 2, 2, 2, 2, 2])
  })

  it('keeps the two chart descriptions of section 1 apart as chart notes', () => {
    const first = article.benefits[0]
    expect(first.chartNotes).toHaveLength(2)
    expect(first.chartNotes[0]).toMatch(/^This bar chart visualizes/)
    expect(first.chartNotes[1]).toMatch(/^The chart clearly illustrates/)
    expect(first.perspective.join(' ')).not.toContain('chart')
    expect(article.benefits.slice(1).every((b) => b.chartNotes.length === 0)).toBe(true)
    expect(article.warnings.map((w) => w.line)).toEqual([8, 9])
  })

  it('reads 32 tips, 4 per section, as "Title: instruction"', () => {
    expect(article.benefits.map((b) => b.tips.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 4])
    const tips = article.benefits.flatMap((b) => b.tips)
    expect(tips).toHaveLength(32)
    expect(tips[0]).toMatchObject({
      title: 'Initial Frequency',
      instruction: 'Begin with two to three sessions per week to build therapeutic momentum.',
      line: 12,
    })
    expect(article.benefits[0].tips.map((t) => t.title)).toEqual([
      'Initial Frequency',
      'Consistency is Key',
      'Track Your Progress',
      'Post-Treatment Care',
    ])
    expect(tips.map((t) => t.title)).toContain('Confirm Needle Safety')
    expect(
      tips.every((t) => t.title.length > 0 && t.instruction.length > 0 && !t.title.includes(':')),
    ).toBe(true)
  })

  it('infers tip timing and category with keyword rules, leaving unclear tips undefined', () => {
    const tip = (title: string) =>
      article.benefits.flatMap((b) => b.tips).find((t) => t.title === title)!
    expect(tip('Post-Treatment Care')).toMatchObject({ timing: 'within-24h', category: 'rest' })
    expect(tip('Apply Gentle Heat')).toMatchObject({ timing: 'within-24h', category: 'heat' })
    expect(tip('Avoid Cold Applications')).toMatchObject({
      timing: 'right-after',
      category: 'heat',
    })
    expect(tip('Mindful Breathing')).toMatchObject({ timing: 'during', category: 'mindfulness' })
    expect(tip('Initial Frequency')).toMatchObject({ timing: 'ongoing', category: 'scheduling' })
    expect(tip('Adopt an Anti-Inflammatory Diet')).toMatchObject({
      timing: 'ongoing',
      category: 'diet',
    })
    expect(tip('Mind Your Ergonomics').category).toBe('ergonomics')
    expect(tip('Create a Routine').category).toBe('sleep')
    expect(tip('Confirm Needle Safety').category).toBe('safety')
    // "before and after your treatment" contradicts itself: no timing, but clearly hydration.
    expect(tip('Stay Hydrated').timing).toBeUndefined()
    expect(tip('Stay Hydrated').category).toBe('hydration')
    // "… the improved blood flow initiated during your session" is not a "during" tip.
    expect(tip('Engage in Light Movement').timing).toBeUndefined()
    // Nothing to go on.
    expect(tip('Track Your Symptoms').timing).toBeUndefined()
    expect(tip('Track Your Symptoms').category).toBeUndefined()
  })

  it('reads the comparison table: 5 rows × 8 cells, columns = benefit titles', () => {
    const c = article.comparison!
    expect(c.heading).toBe('Benefits Comparison of Acupuncture for Back Pain')
    expect(c.aspectLabel).toBe('Aspect')
    expect(c.columns).toEqual(ACUPUNCTURE_TITLES)
    expect(c.columns).toEqual(article.benefits.map((b) => b.title))
    expect(c.columnBenefits).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(c.line).toBe(107)
    expect(c.rows).toHaveLength(5)
    expect(c.rows.every((r) => r.cells.length === 8)).toBe(true)
    expect(c.rows.map((r) => r.aspect)).toEqual([
      'Implementation Complexity',
      'Resource Requirements',
      'Expected Outcomes',
      'Ideal Use Cases',
      'Key Advantages',
    ])
    expect(c.rows.map((r) => r.icon)).toEqual(['🔄', '⚡', '📊', '💡', '⭐'])
    expect(c.rows.map((r) => r.line)).toEqual([109, 110, 111, 112, 113])
  })

  it('parses cell ratings and keeps cells without a rating word as plain text', () => {
    const [complexity, resources, outcomes] = article.comparison!.rows
    expect(complexity.cells[0]).toEqual({
      text: 'multiple sessions needed',
      raw: 'Medium – multiple sessions needed',
      rating: 'medium',
      ratingLabel: 'Medium',
      line: 109,
    })
    expect(complexity.cells.map((c) => c.rating)).toEqual([
      'medium',
      'medium',
      'high',
      'medium',
      'medium',
      'medium',
      'low',
      'medium',
    ])
    expect(resources.cells[0]).toMatchObject({
      rating: 'medium',
      ratingLabel: 'Moderate',
      text: 'trained acupuncturist, multiple sessions',
    })
    expect(outcomes.cells[0]).toEqual({
      text: 'Significant pain relief, 70%+ improvement',
      raw: 'Significant pain relief, 70%+ improvement',
      line: 111,
    })
    // "Very low risk of side effects, …" has no dash: it is text, not a rating.
    expect(outcomes.cells[6].rating).toBeUndefined()
  })

  it('reads the next-step heading, the quote and the key takeaways', () => {
    expect(article.nextStepsHeading).toBe('Your Next Step Towards a Pain-Free Back')
    expect(article.nextStepsIntro).toHaveLength(1)
    expect(article.nextStepsIntro[0]).toMatch(/^As we wrap up our exploration/)
    expect(article.quote).toEqual({
      text: 'Acupuncture is not just about needles, it’s about restoring balance and supporting your body’s own healing power.',
      line: 116,
    })
    expect(article.keyTakeawaysHeading).toBe('Key Takeaways')
    expect(article.keyTakeaways).toHaveLength(8)
    expect(article.keyTakeaways.every((k) => k.points.length === 2)).toBe(true)
    expect(article.keyTakeaways[0]).toEqual({
      title: 'Drug-Free Pain Control',
      points: [
        'Targets pain pathways without the risks of opioids or NSAIDs.',
        'Ideal for patients seeking non-pharmaceutical relief.',
      ],
    })
    expect(article.keyTakeaways[7].title).toBe('Sustainable Pain Management')
  })

  it('reads the 3 action steps without the stray trailing " -"', () => {
    expect(article.actionStepsHeading).toBe('Actionable Next Steps')
    expect(article.actionSteps).toEqual([
      {
        title: 'Schedule a Personalized Assessment',
        text: 'Reach out to discuss your unique pain profile and goals.',
      },
      {
        title: 'Verify Your Insurance Benefits',
        text: 'We accept Kaiser, Blue Shield, Cigna and offer free benefit checks.',
      },
      {
        title: 'Commit to a Tailored Treatment Plan',
        text: 'Embrace regular sessions using Dynamic Balanced Medicine for optimal results.',
      },
    ])
  })

  it('reads why-it-matters, the conclusion and the call to action', () => {
    expect(article.whyItMatters).toEqual({
      heading: 'Why It Matters',
      leadIn: 'Mastering these approaches delivers more than a temporary fix. You gain:',
      points: [
        'Empowerment in self-care and pain management',
        'Resilience against future flare-ups',
        'Harmony between physical health and emotional well-being',
      ],
    })
    expect(article.conclusion).toHaveLength(3)
    expect(article.conclusion[0]).toMatch(/^By integrating these insights/)
    expect(article.conclusion[2]).toMatch(/^Believe in the power of a balanced approach/)
    expect(article.callToAction).toEqual({
      text: 'Ready to experience the full range of benefits of acupuncture for back pain? Schedule your consultation today with Eric Tsai Acupuncture and Herbs to begin a personalized treatment plan designed just for you. Visit Eric Tsai Acupuncture and Herbs to book now.',
      label: 'Schedule your consultation',
      line: 166,
    })
  })

  it('gives the same result for CRLF line endings, a BOM and tab indentation', () => {
    const crlf = parseArticle(
      `\uFEFF${ACUPUNCTURE.replace(/\n/g, '\r\n').replace(/\r\n- /g, '\r\n\t- ')}`,
    )
    expect(crlf).toEqual(parseArticle(ACUPUNCTURE))
  })

  it('accepts "•" and "*" bullets and blank lines between paragraphs', () => {
    const variant = ACUPUNCTURE.replace(/^- (?=\S)/gm, '• ').replace(/\n/g, '\n\n')
    const parsed = parseArticle(variant)
    expect(parsed.benefits.flatMap((b) => b.tips)).toHaveLength(32)
    expect(parsed.keyTakeaways).toHaveLength(8)
    expect(parsed.whyItMatters?.points).toHaveLength(3)
    const starred = parseArticle(ACUPUNCTURE.replace(/^- (?=\S)/gm, '* '))
    expect(starred.benefits.flatMap((b) => b.tips).map((t) => t.title)).toEqual(
      parsed.benefits.flatMap((b) => b.tips).map((t) => t.title),
    )
  })
})

describe('parseArticle — cupping-neck-tension.txt (a second article of the family)', () => {
  const article = parseArticle(CUPPING)

  it('uses the Title: line', () => {
    expect(article.title).toBe('5 Benefits of Cupping Therapy for Neck Tension')
    expect(article.titleSource).toBe('title-line')
    expect(article.slug).toBe('5-benefits-of-cupping-therapy-for-neck-tension')
    expect(article.intro).toHaveLength(2)
    expect(article.intro[0]).toContain('1 in 3 adults')
  })

  it('finds 5 sections with their own heading phrasings and tip counts', () => {
    expect(article.benefits.map((b) => b.title)).toEqual([
      'Deep Release of Knotted Neck Muscles',
      'Better Blood Flow to Stiff Tissues',
      'Fewer Tension Headaches',
      'Restored Range of Motion',
      'Calmer Nervous System and Better Sleep',
    ])
    expect(article.benefits[0].icon).toBe('🌿')
    expect(article.benefits.map((b) => b.perspectiveHeading)).toEqual([
      'The Clinical Perspective',
      'Clinical Perspective',
      'How It Works',
      'Clinical Perspective',
      'The Clinical Perspective',
    ])
    expect(article.benefits.map((b) => b.tipsHeading)).toEqual([
      'Practical Tips',
      'Tips for Your Cupping Session',
      'Practical Tips for Headache Relief',
      'Actionable Tips',
      'Tips for Lasting Calm',
    ])
    expect(article.benefits.map((b) => b.tips.length)).toEqual([3, 5, 2, 4, 3])
    expect(
      article.benefits.every((b) => b.perspective.length === 1 && b.closing.length === 1),
    ).toBe(true)
    expect(article.benefits[0].perspective[0]).toContain('seven in ten patients')
    expect(article.benefits[0].perspective[0]).toContain('from 6.8 to 3.1 on a 10-point scale')
    expect(article.benefits[1].perspective[0]).toContain('twice as likely')
    expect(article.benefits[2].perspective[0]).toContain('45 percent')
  })

  it('reads "•" and "*" tips and infers their timing and category', () => {
    const tips = article.benefits.flatMap((b) => b.tips)
    expect(tips).toHaveLength(17)
    const tip = (title: string) => tips.find((t) => t.title === title)!
    expect(tip('Gentle Neck Stretch').instruction).toContain('hold for 30 seconds')
    expect(tip('Warm Up First')).toMatchObject({ timing: 'before', category: 'heat' })
    expect(tip('Eat Lightly Beforehand')).toMatchObject({ timing: 'before', category: 'diet' })
    expect(tip('Skip the Hot Tub')).toMatchObject({ timing: 'within-24h', category: 'heat' })
    expect(tip('Move Gently')).toMatchObject({ timing: 'within-24h', category: 'movement' })
    expect(tip('Breathe Slowly')).toMatchObject({ timing: 'during', category: 'mindfulness' })
    expect(tip('Stay Hydrated')).toMatchObject({ timing: 'right-after', category: 'hydration' })
    expect(tip('Check Your Screen').category).toBe('ergonomics')
    expect(tip('Session Rhythm')).toMatchObject({ timing: 'ongoing', category: 'scheduling' })
    expect(tip('Session Rhythm').instruction).toContain('three times a week')
    expect(tip('Daily Rotations').line).toBe(74)
  })

  it('maps a 5-column, 4-row table onto the sections, including a shortened column name', () => {
    const c = article.comparison!
    expect(c.heading).toBe('Comparing the Benefits of Cupping for Neck Tension')
    expect(c.columns).toHaveLength(5)
    expect(c.columns[1]).toBe('Better Blood Flow')
    expect(c.columnBenefits).toEqual([1, 2, 3, 4, 5])
    expect(c.rows).toHaveLength(4)
    expect(c.rows.every((r) => r.cells.length === 5)).toBe(true)
    expect(c.rows.map((r) => [r.aspect, r.icon])).toEqual([
      ['Time to Notice', '⏱️'],
      ['Commitment Required', undefined],
      ['Typical Result', '📈'],
      ['Best For', '💡'],
    ])
    expect(c.rows[0].cells.map((x) => x.rating)).toEqual(['low', 'low', 'medium', 'medium', 'low'])
    expect(c.rows[0].cells[3]).toMatchObject({
      ratingLabel: 'Moderate',
      text: 'steady gains over two to four weeks',
    })
    expect(c.rows[1].cells[1]).toMatchObject({
      rating: 'low',
      text: 'one or two sessions to start',
    })
    expect(c.rows[2].cells.every((x) => x.rating === undefined)).toBe(true)
    expect(article.warnings).toEqual([
      {
        line: 100,
        message:
          'the comparison table column "Better Blood Flow" was matched to section 2 ("Better Blood Flow to Stiff Tissues")',
      },
    ])
  })

  it('reads the closing part: no quote, no why-it-matters, takeaways, steps and a headed call to action', () => {
    expect(article.quote).toBeUndefined()
    expect(article.whyItMatters).toBeUndefined()
    expect(article.nextStepsHeading).toBe('Your Next Move for a Looser Neck')
    expect(article.nextStepsIntro).toHaveLength(2)
    expect(article.keyTakeaways.map((k) => k.title)).toEqual([
      'Muscle Release',
      'Circulation',
      'Headache Relief',
      'Mobility',
      'Calm and Sleep',
    ])
    expect(article.keyTakeaways.map((k) => k.points.length)).toEqual([2, 1, 3, 2, 2])
    expect(article.actionStepsHeading).toBe('Next Steps')
    expect(article.actionSteps.map((s) => s.title)).toEqual([
      'Book an Assessment',
      'Plan Your Course',
      'Practise at Home',
    ])
    expect(article.actionSteps[1].text).toBe(
      'Most clients start with five to six sessions over three weeks.',
    )
    expect(article.conclusion).toHaveLength(2)
    expect(article.callToAction).toMatchObject({
      heading: 'Book Your First Session',
      label: 'Book your first cupping session',
      line: 143,
    })
    expect(article.callToAction?.text).toMatch(/^Ready for a looser, calmer neck\?/)
  })
})

describe('parseArticle — variations of the family', () => {
  it('parses an article with only numbered sections; everything else is optional', () => {
    const a = parseArticle(miniArticle())
    expect(a.benefits.map((b) => [b.title, b.tips.length])).toEqual([
      ['Less Pain', 1],
      ['Better Sleep', 1],
    ])
    expect(a.benefits[1].perspectiveHeading).toBe('Clinical Perspective')
    expect(a.benefits[1].tipsHeading).toBe('Tips for Bedtime')
    expect(a.benefits[1].tips[0]).toMatchObject({ title: 'Wind Down', category: 'sleep' })
    expect(a.comparison).toBeUndefined()
    expect(a.keyTakeaways).toEqual([])
    expect(a.actionSteps).toEqual([])
    expect(a.callToAction).toBeUndefined()
    expect(a.warnings).toEqual([])
  })

  it('accepts markdown decoration, "1)" numbering and sections without sub-headings', () => {
    const text = [
      '# Cupping for Shoulders',
      'Intro.',
      '## 1) Looser Shoulders 💪',
      'Body.',
      '**The Clinical Perspective**',
      'Research says so.',
      '## 2) Fewer Knots',
      'Just a body paragraph.',
    ].join('\n')
    const a = parseArticle(text)
    expect(a.title).toBe('Cupping for Shoulders')
    expect(a.benefits.map((b) => [b.number, b.title, b.icon])).toEqual([
      [1, 'Looser Shoulders', '💪'],
      [2, 'Fewer Knots', undefined],
    ])
    expect(a.benefits[0].perspective).toEqual(['Research says so.'])
    expect(a.benefits[1].body).toEqual(['Just a body paragraph.'])
  })

  it('treats a bulleted "Title: instruction" list without a tips heading as tips', () => {
    const text = [
      'Title: T',
      '1. Benefit One',
      'Body.',
      'Do this at home:',
      '• Rest Well: Rest for an hour after your session.',
      'Closing.',
    ].join('\n')
    const b = parseArticle(text).benefits[0]
    expect(b.body).toEqual(['Body.'])
    expect(b.tipsLeadIn).toBe('Do this at home:')
    expect(b.tips).toEqual([
      {
        title: 'Rest Well',
        instruction: 'Rest for an hour after your session.',
        timing: 'within-24h',
        category: 'rest',
        line: 5,
      },
    ])
    expect(b.closing).toEqual(['Closing.'])
  })

  it('does not take a numbered list after the last section for more sections', () => {
    const a = parseArticle(
      miniArticle({
        after: [
          'Your Next Steps Towards Relief',
          '1. Book an Assessment',
          '2. Start Your Plan',
          'See you soon.',
        ],
      }),
    )
    expect(a.benefits).toHaveLength(2)
    expect(a.nextStepsHeading).toBe('Your Next Steps Towards Relief')
  })

  it('does not end the sections at a closing-style heading when more sections follow', () => {
    const text = [
      'Title: T',
      '1. One',
      'Body.',
      'Summary',
      'Short version.',
      '2. Two',
      'Body two.',
      'Key Takeaways',
      'Less Pain',
      '- Fewer pills.',
    ].join('\n')
    const a = parseArticle(text)
    expect(a.benefits.map((b) => b.title)).toEqual(['One', 'Two'])
    expect(a.benefits[0].body).toEqual(['Body.', 'Summary', 'Short version.'])
    expect(a.warnings.map((w) => w.line)).toEqual([4])
    expect(a.keyTakeaways).toEqual([{ title: 'Less Pain', points: ['Fewer pills.'] }])
  })

  it('falls back to the file name for the title, and fails without any title source', () => {
    const text = miniArticle().replace('Title: Mini Article\n', '')
    const a = parseArticle(text, { fileName: 'uploads/cupping_for-neck-pain.txt' })
    expect(a.title).toBe('Cupping for Neck Pain')
    expect(a.titleSource).toBe('file-name')
    expect(a.slug).toBe('cupping-for-neck-pain')
    const err = importError(text)
    expect(err.message).toBe(
      "line 1: the article has no title; add a first line like 'Title: Benefits of Acupuncture for Back Pain'",
    )
  })
})

describe('parseArticle — malformed input', () => {
  it('rejects an empty file', () => {
    for (const text of ['', '   \n\n\t\n', '\uFEFF']) {
      const err = importError(text)
      expect(err).toBeInstanceOf(ImportError)
      expect(err.line).toBe(1)
      expect(err.message).toBe('line 1: the file is empty')
    }
  })

  it('rejects binary files', () => {
    const zip = 'PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000word/document.xml'
    const decodedJunk =
      '\uFFFD\uFFFDJFIF\uFFFD\u0001\u0001\uFFFD\uFFFD\uFFFDC\uFFFD\u0002\uFFFD'.repeat(20)
    const controls = 'ab\u0001\u0002\u0003\u0004\u0005\u0006cd\n'.repeat(30)
    for (const text of [zip, decodedJunk, controls]) {
      const err = importError(text)
      expect(err.line).toBe(1)
      expect(err.message).toBe('line 1: this looks like a binary file, not an article')
    }
  })

  it('points at the line of an isolated unreadable (non-UTF-8) character', () => {
    const text = ACUPUNCTURE.replace(
      'Major medical institutions',
      'Major medical instit\uFFFDtions',
    )
    const err = importError(text)
    expect(err.line).toBe(7)
    expect(err.message).toMatch(/^line 7: this line contains characters that could not be read/)
  })

  it('rejects an article without numbered sections', () => {
    const err = importError(
      'Title: Acupuncture\nSome intro text.\nMore text without any numbered heading.',
    )
    expect(err.line).toBe(1)
    expect(err.message).toBe(
      "line 1: no numbered benefit sections found (expected lines like '1. Natural Pain Reduction')",
    )
    // Numbered sentences are not section headings.
    expect(importError('1. This is a sentence.\n2. So is this.').reason).toMatch(
      /^no numbered benefit sections found/,
    )
  })

  it('rejects a ragged table row, naming its line and both cell counts', () => {
    const lines = ACUPUNCTURE.split('\n')
    lines[110] = lines[110].replace(' | 25-40% tissue healing improvement', '')
    const err = importError(lines.join('\n'))
    expect(err.line).toBe(111)
    expect(err.message).toBe('line 111: table row has 8 cells, header has 9')

    const small = miniArticle({
      after: [
        'Comparison',
        'Aspect | Less Pain | Better Sleep',
        '---|---|---',
        'Effort | Low – easy | Medium – some | High – extra',
      ],
    })
    expect(importError(small).message).toBe('line 22: table row has 4 cells, header has 3')
  })

  it('rejects a separator row whose width differs from the header', () => {
    const err = importError(
      miniArticle({
        after: [
          'Comparison',
          'Aspect | Less Pain | Better Sleep',
          '---|---',
          'Effort | Low – a | High – b',
        ],
      }),
    )
    expect(err.message).toBe('line 21: the table separator row has 2 columns, header has 3')
  })

  it('rejects a table column that names no benefit section', () => {
    const err = importError(
      miniArticle({
        after: [
          'Comparison of Benefits',
          'Aspect | Less Pain | Faster Healing',
          '---|---|---',
          'Effort | Low – a | High – b',
        ],
      }),
    )
    expect(err.line).toBe(20)
    expect(err.message).toBe(
      'line 20: the comparison table column "Faster Healing" does not name any numbered section; use one of the section titles: "Less Pain", "Better Sleep"',
    )
    // The acupuncture header with a typo that matches nothing.
    const typo = ACUPUNCTURE.replace('| Stress and Anxiety Reduction |', '| Cost Savings |')
    expect(importError(typo).line).toBe(107)
  })

  it('rejects two columns naming the same section', () => {
    const err = importError(
      miniArticle({
        after: ['Aspect | Less Pain | Less Pain', '---|---|---', 'Effort | Low – a | High – b'],
      }),
    )
    expect(err.message).toBe(
      'line 19: the comparison table columns "Less Pain" and "Less Pain" both name section 1 ("Less Pain")',
    )
  })

  it('rejects duplicate section numbers', () => {
    const text = [
      'Title: T',
      '1. First',
      'Body.',
      '2. Second',
      'Body.',
      '2. Second Again',
      'Body.',
    ].join('\n')
    const err = importError(text)
    expect(err.line).toBe(6)
    expect(err.message).toBe('line 6: section number 2 is used twice (also on line 4)')
  })

  it('rejects sections out of order, missing sections and numbering that does not start at 1', () => {
    const outOfOrder = importError(
      ['Title: T', '1. First', 'Body.', '3. Third', 'Body.', '2. Second', 'Body.'].join('\n'),
    )
    expect(outOfOrder.message).toBe(
      'line 4: section 3 comes before section 2 (line 6); put the numbered sections in order',
    )
    const missing = importError(
      ['Title: T', '1. First', 'Body.', '2. Second', 'Body.', '4. Fourth', 'Body.'].join('\n'),
    )
    expect(missing.message).toBe('line 6: section 4 follows section 2; section 3 is missing')
    const late = importError(['Title: T', 'Intro.', '2. Second', 'Body.'].join('\n'))
    expect(late.message).toBe('line 3: the first numbered section is 2; numbering must start at 1')
  })

  it('rejects an empty Title: line', () => {
    expect(importError('Title:   \n1. First\nBody.').message).toBe(
      "line 1: the 'Title:' line is empty; write the article title after 'Title:'",
    )
  })

  it('throws ImportError instances that are Errors with a line number', () => {
    const err = importError('')
    expect(err).toBeInstanceOf(Error)
    expect(err.name).toBe('ImportError')
    expect(err.reason).toBe('the file is empty')
  })
})

describe('slugify', () => {
  it("gives Payload's slug, as the Articles slug field does", () => {
    expect(slugify('100% Natural')).toBe('100-natural')
    expect(slugify('Benefits of Acupuncture for Back Pain')).toBe(
      'benefits-of-acupuncture-for-back-pain',
    )
    expect(slugify('5 Benefits of Cupping Therapy for Neck Tension')).toBe(
      '5-benefits-of-cupping-therapy-for-neck-tension',
    )
    expect(slugify('Acupuncture vs. Massage: Which Helps?')).toBe(
      'acupuncture-vs-massage-which-helps',
    )
    expect(slugify('  Tai-Chi & Back Pain  ')).toBe('tai-chi--back-pain')
    expect(slugify('🌿🌿')).toBe('')
    for (const title of [
      '100% Natural',
      '  Café Crème & Acupuncture: It’s 100% Natural!  ',
      'Straße — Ærø 🌿',
      'Neck  Pain',
      'A/B #1',
    ]) {
      expect(slugify(title)).toBe(payloadSlugify(title))
    }
  })

  test.prop([fc.string({ unit: 'binary' })])("is Payload's slugify for any text", (text) => {
    expect(slugify(text)).toBe(payloadSlugify(text) ?? '')
  })

  const titleWord = fc.constantFrom(
    '100%',
    'Natural',
    '&',
    'Café',
    'vs.',
    'Ærø',
    '—',
    '🌿',
    'It’s',
    'Tai-Chi',
    'A/B',
    '#1',
    'snake_case',
    '(2024)',
    'Sleep?',
    '**Bold**',
  )
  const title = fc
    .tuple(
      fc.constantFrom('Acupuncture', 'Back Pain', 'Sleep'),
      fc.array(fc.tuple(fc.constantFrom(' ', '  ', ' - ', '\t'), titleWord), { maxLength: 6 }),
    )
    .map(([first, rest]) => first + rest.map(([gap, word]) => gap + word).join(''))

  test.prop([title])(
    "gives an imported article the slug Payload's slug field would give its title",
    (text) => {
      const article = parseArticle(
        miniArticle().replace('Title: Mini Article', () => `Title: ${text}`),
      )
      expect(article.slug).toBe(payloadSlugify(article.title))
    },
  )
})

describe('tip inference rules', () => {
  it('only answers when a rule matches', () => {
    expect(inferTipTiming('Drink water before your session.')).toBe('before')
    expect(inferTipTiming('Apply heat for 24 hours after a session.')).toBe('within-24h')
    expect(inferTipTiming('Talk to your practitioner.')).toBeUndefined()
    expect(
      inferTipCategory('Talk It Through', 'Tell your practitioner how you feel.'),
    ).toBeUndefined()
    expect(inferTipCategory('Stay Hydrated', 'Drink plenty of water.')).toBe('hydration')
  })
})

/**
 * An uncited statistic is refused wherever a reader would see it: one publish-refused test for
 * each place that used to let one through (titles, byline, SEO, alt texts, captions, headings,
 * labels), and the way to cite one there: a claim stating it, cited by the article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { claimRef, paragraph, richText } from '../helpers/lexical'
import { bootPayload, type TestContext } from '../helpers/payload'
import { approvedClaim } from '../helpers/reviewWorkflow'

let t: TestContext
let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`
const STAT = '70% Less Back Pain'

beforeAll(async () => {
  t = await bootPayload()
})

afterAll(async () => {
  await t?.payload.destroy()
})

const editor = () => t.api.as(t.editor.token)

async function created(path: string, data: Record<string, unknown>): Promise<number> {
  const res = await editor().post(path, data)
  if (res.status !== 201) {
    throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`)
  }
  return res.body.doc.id
}

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
const image = async (alt: string) =>
  (
    await t.payload.create({
      collection: 'media',
      data: { alt },
      file: { data: png, mimetype: 'image/png', name: `${unique()}.png`, size: png.length },
    })
  ).id

const upload = (media: number, fields: Record<string, unknown> = {}) => ({
  type: 'upload',
  relationTo: 'media',
  value: media,
  fields,
  version: 3,
  format: '',
})

type PlaceData = Record<string, unknown>

/** Each place, as the article data that puts the statistic there and nowhere else. */
const PLACES: Record<string, () => PlaceData | Promise<PlaceData>> = {
  'article title': () => ({ title: `${STAT}: Acupuncture ${unique()}` }),
  'author byline': () => ({ author: `Dr. Lee, ${STAT}` }),
  'SEO meta title': () => ({ seo: { metaTitle: STAT } }),
  'SEO meta description': () => ({ seo: { metaDescription: `${STAT} with acupuncture.` } }),
  'hero image alt text': async () => ({ heroImage: await image(STAT) }),
  'inline image alt text': async () => ({
    intro: {
      root: {
        ...richText(paragraph('Needles.')).root,
        children: [paragraph('Needles.'), upload(await image(STAT))],
      },
    },
  }),
  'inline image caption': async () => ({
    intro: {
      root: {
        ...richText(paragraph('Needles.')).root,
        children: [paragraph('Needles.'), upload(await image('Needles'), { caption: STAT })],
      },
    },
  }),
  'quote attribution': () => ({
    layout: [{ blockType: 'quote', text: 'It helped me.', attribution: `A patient (${STAT})` }],
  }),
  'key takeaways heading': () => ({
    layout: [{ blockType: 'keyTakeaways', heading: STAT, items: [{ title: 'Rest' }] }],
  }),
  'key takeaways item title': () => ({
    layout: [{ blockType: 'keyTakeaways', items: [{ title: STAT }] }],
  }),
  'call to action heading': () => ({
    layout: [{ blockType: 'callToAction', heading: STAT, text: 'Book a session.' }],
  }),
  'call to action button': () => ({
    layout: [{ blockType: 'callToAction', text: 'Book a session.', label: `Get ${STAT}` }],
  }),
  'chart title': () => ({ layout: [{ blockType: 'chart', title: STAT, points: [] }] }),
  'chart point label': () => ({
    layout: [{ blockType: 'chart', title: 'Pain', points: [{ label: STAT, value: 10 }] }],
  }),
  'benefit title': async () => ({
    layout: [{ blockType: 'benefit', benefit: await created('/benefits', { title: STAT }) }],
  }),
  'aftercare tip title': async () => ({
    layout: [
      {
        blockType: 'aftercareTips',
        tips: [await created('/aftercare-tips', { title: STAT, instruction: 'Rest.' })],
      },
    ],
  }),
  'aftercare tips heading': async () => ({
    layout: [
      {
        blockType: 'aftercareTips',
        heading: STAT,
        tips: [await created('/aftercare-tips', { title: 'Rest', instruction: 'Rest.' })],
      },
    ],
  }),
  'comparison row aspect': async () => {
    const benefit = await created('/benefits', { title: 'Relief' })
    const row = await created('/comparison-rows', {
      aspect: STAT,
      cells: [{ benefit, rating: 'high' }],
    })
    return { layout: [{ blockType: 'comparisonTable', columns: [benefit], rows: [row] }] }
  },
  'comparison table heading': async () => {
    const benefit = await created('/benefits', { title: 'Relief' })
    const row = await created('/comparison-rows', {
      aspect: 'Outcomes',
      cells: [{ benefit, rating: 'high' }],
    })
    return {
      layout: [{ blockType: 'comparisonTable', heading: STAT, columns: [benefit], rows: [row] }],
    }
  },
}

describe('publishing is refused for an uncited statistic in', () => {
  it.each(Object.keys(PLACES))('the %s', async (place) => {
    const data = await PLACES[place]()
    const res = await editor().post('/articles', {
      title: `Acupuncture ${unique()}`,
      ...data,
      _status: 'published',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    const messages: string[] = res.body.errors[0].data.errors.map(
      (error: { message: string }) => error.message,
    )
    expect(
      messages.some(
        (message) =>
          message.startsWith('"70%" in ') && message.endsWith('is not backed by a cited claim.'),
      ),
      messages.join('\n'),
    ).toBe(true)
  })
})

describe('a statistic in a title is cited by a claim the article cites', () => {
  it('publishes once the article cites an approved claim stating it', async () => {
    const claim = await approvedClaim(t, '70% of patients reported less back pain.')
    const res = await editor().post('/articles', {
      title: `${STAT}: Acupuncture ${unique()}`,
      intro: richText(paragraph('70% of patients reported less back pain.', claimRef(claim.id))),
      _status: 'published',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  })
})

import { describe, expect, it } from 'vitest'

import {
  buildReferences,
  formatVancouver,
  numberSources,
  referenceLinks,
  type SourceData,
  toCsl,
} from '../../src/evidence/citations'

const vickers: SourceData = {
  id: 7,
  type: 'journal-article',
  title: 'Acupuncture for chronic pain: update of an individual patient data meta-analysis',
  authors: [
    { family: 'Vickers', given: 'Andrew J' },
    { family: 'Vertosick', given: 'Emily A' },
  ],
  containerTitle: 'J Pain',
  year: 2018,
  volume: '19',
  issue: '5',
  pages: '455-474',
  doi: '10.1016/j.jpain.2017.11.005',
  pmid: '29198932',
}

const clinic: SourceData = {
  id: 'web-1',
  type: 'web-page',
  title: 'Acupuncture',
  containerTitle: 'Cleveland Clinic',
  year: 2023,
  url: 'https://my.clevelandclinic.org/health/treatments/4767-acupuncture',
  accessed: '2024-03-01T00:00:00.000Z',
}

describe('toCsl', () => {
  it('maps a journal article to CSL-JSON', () => {
    expect(toCsl(vickers)).toEqual({
      id: '7',
      type: 'article-journal',
      title: vickers.title,
      author: [
        { family: 'Vickers', given: 'Andrew J' },
        { family: 'Vertosick', given: 'Emily A' },
      ],
      'container-title': 'J Pain',
      issued: { 'date-parts': [[2018]] },
      volume: '19',
      issue: '5',
      page: '455-474',
      DOI: '10.1016/j.jpain.2017.11.005',
      PMID: '29198932',
    })
  })

  it('maps web pages, guidelines and books to their CSL types, with the accessed date', () => {
    expect(toCsl(clinic)).toMatchObject({
      type: 'webpage',
      accessed: { 'date-parts': [[2024, 3, 1]] },
    })
    expect(toCsl({ id: 1, type: 'guideline', title: 'Low back pain', isbn: '978' }).type).toBe(
      'report',
    )
    expect(toCsl({ id: 1, type: 'book', title: 'Acupuncture', isbn: '9780443' })).toMatchObject({
      type: 'book',
      ISBN: '9780443',
    })
    expect(toCsl({ id: 1, type: 'report', title: 'R', publisher: 'WHO' })).toMatchObject({
      type: 'report',
      publisher: 'WHO',
    })
  })

  it('leaves out empty fields and authors without a family name', () => {
    const csl = toCsl({
      id: 2,
      title: ' T ',
      authors: [{ family: '', given: 'X' }],
      volume: '',
      doi: null,
    })
    expect(csl).toEqual({ id: '2', type: 'article-journal', title: 'T' })
  })
})

describe('formatVancouver', () => {
  it('formats a journal article in Vancouver style without the leading number', () => {
    expect(formatVancouver([vickers]).get('7')).toBe(
      'Vickers AJ, Vertosick EA. Acupuncture for chronic pain: update of an individual patient data meta-analysis. J Pain. 2018;19(5):455–74.',
    )
  })

  it('formats a web page with its access date and URL', () => {
    expect(formatVancouver([clinic]).get('web-1')).toBe(
      'Acupuncture [Internet]. Cleveland Clinic. 2023 [cited 2024 Mar 1]. Available from: https://my.clevelandclinic.org/health/treatments/4767-acupuncture',
    )
  })

  it('formats nothing for no sources', () => {
    expect(formatVancouver([]).size).toBe(0)
  })
})

describe('referenceLinks', () => {
  it('links DOI, PubMed, PMC and the URL', () => {
    expect(
      referenceLinks({ ...vickers, pmcid: 'PMC5927830', url: 'https://example.org/paper' }),
    ).toEqual([
      {
        kind: 'doi',
        label: 'doi:10.1016/j.jpain.2017.11.005',
        href: 'https://doi.org/10.1016/j.jpain.2017.11.005',
      },
      { kind: 'pubmed', label: 'PMID 29198932', href: 'https://pubmed.ncbi.nlm.nih.gov/29198932/' },
      {
        kind: 'pmc',
        label: 'PMC5927830',
        href: 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5927830/',
      },
      { kind: 'url', label: 'https://example.org/paper', href: 'https://example.org/paper' },
    ])
  })
})

describe('numberSources', () => {
  const sources = new Map<string, (number | string)[]>([
    ['a', [10, 11]],
    ['b', [12]],
    ['c', [11, 10]],
    ['d', []],
  ])

  it('numbers sources in order of first use and gives each claim its numbers', () => {
    const numbering = numberSources(['b', 'a', 'c', 'b'], sources)
    expect(numbering.sourceIds).toEqual(['12', '10', '11'])
    expect(Object.fromEntries(numbering.numbersByClaim)).toEqual({ b: [1], a: [2, 3], c: [2, 3] })
    expect(Object.fromEntries(numbering.claimsBySource)).toEqual({
      '12': ['b'],
      '10': ['a', 'c'],
      '11': ['a', 'c'],
    })
  })

  it('gives claims without sources or unknown claims no numbers', () => {
    const numbering = numberSources([1, 'd', 'a'], sources)
    expect(numbering.numbersByClaim.get('1')).toEqual([])
    expect(numbering.numbersByClaim.get('d')).toEqual([])
    expect(numbering.numbersByClaim.get('a')).toEqual([1, 2])
  })

  it('treats numeric and string ids alike', () => {
    const numbering = numberSources([5], new Map([['5', [1]]]))
    expect(numbering.numbersByClaim.get('5')).toEqual([1])
  })
})

describe('buildReferences', () => {
  it('joins the numbering with the formatted sources', () => {
    const references = buildReferences(
      numberSources(
        ['x', 'y'],
        new Map([
          ['x', ['web-1']],
          ['y', [7]],
        ]),
      ),
      [vickers, clinic],
    )
    expect(references.map((r) => [r.number, r.sourceId, r.title])).toEqual([
      [1, 'web-1', 'Acupuncture'],
      [2, '7', vickers.title],
    ])
    expect(references[1].formatted).toMatch(/^Vickers AJ/)
    expect(references[1].links[0].href).toBe('https://doi.org/10.1016/j.jpain.2017.11.005')
    expect(references[0].claimIds).toEqual(['x'])
  })

  it('keeps the number of a source that is no longer readable', () => {
    const references = buildReferences(numberSources(['x'], new Map([['x', [99, 7]]])), [vickers])
    expect(references.map((r) => [r.number, r.formatted.slice(0, 8)])).toEqual([
      [1, 'Source u'],
      [2, 'Vickers '],
    ])
  })
})

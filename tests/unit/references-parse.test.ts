/**
 * Reading pasted references (`src/evidence/references/`): format detection, BibTeX and RIS through
 * citation-js one entry at a time, CSL-JSON, the MEDLINE reader, DOI/PMID lists, Crossref's works
 * JSON, and CSL-JSON → source fields (the inverse of `toCsl`).
 */
import { describe, expect, it } from 'vitest'

import type { SourceData } from '../../src/evidence/citations'

import { toCsl } from '../../src/evidence/citations'
import { crossrefWorkToCsl } from '../../src/evidence/references/crossref'
import { parseIdentifiers } from '../../src/evidence/references/identifiers'
import { parseMedline } from '../../src/evidence/references/medline'
import {
  detectReferenceFormat,
  parseReferences,
  UnreadableReferencesError,
} from '../../src/evidence/references/parse'
import { sourceFromCsl } from '../../src/evidence/references/toSource'

const MEDLINE = `PMID- 30198937
OWN - NLM
TI  - [Acupuncture for chronic pain: update of an individual patient data
      meta-analysis].
LID - 10.1016/j.jpain.2017.11.005 [doi]
FAU - Vickers, Andrew J
AU  - Vickers AJ
AU  - Vertosick EA
CN  - Acupuncture Trialists' Collaboration
PT  - Journal Article
PT  - Systematic Review
DP  - 2018 May
TA  - J Pain
JT  - The journal of pain
VI  - 19
IP  - 5
PG  - 455-474
PMC - PMC5927830

PMID- 123
TI  - Second.
AU  - Smith J
PT  - Randomized Controlled Trial
DP  - 2001`

describe('detectReferenceFormat', () => {
  it.each([
    ['@article{a, title={T}}', 'bibtex'],
    ['  @Book (b, title = "T")', 'bibtex'],
    ['TY  - JOUR\nTI  - T\nER  - ', 'ris'],
    ['[{"title": "T"}]', 'csl-json'],
    ['{"title": "T"}', 'csl-json'],
    [MEDLINE, 'medline'],
    ['10.1000/xyz\n123456', 'identifiers'],
  ])('%j is %s', (text, format) => {
    expect(detectReferenceFormat(text)).toBe(format)
  })

  it('finds nothing in empty text or notes', () => {
    expect(detectReferenceFormat('   \n')).toBeUndefined()
    expect(detectReferenceFormat('my notes about acupuncture')).toBeUndefined()
    expect(() => parseReferences('my notes')).toThrow(UnreadableReferencesError)
  })
})

describe('parseIdentifiers', () => {
  it('reads DOIs and PMIDs with their usual prefixes, separated by lines, spaces or commas', () => {
    const entries = parseIdentifiers(
      'doi: 10.1001/JAMA.2018.1, https://doi.org/10.1016/S0140-6736(20)30183-5.\nPMID: 30198937; 22965186\nhttps://pubmed.ncbi.nlm.nih.gov/123/ https://dx.doi.org/10.1000%2Fabc',
    )
    expect(
      entries.map((entry) =>
        'doi' in entry ? entry.doi : 'pmid' in entry ? entry.pmid : entry.message,
      ),
    ).toEqual([
      '10.1001/jama.2018.1',
      '10.1016/s0140-6736(20)30183-5',
      '30198937',
      '22965186',
      '123',
      '10.1000/abc',
    ])
  })

  it('takes the DOI (or PMID) of a formatted reference line, and says what a stray line is', () => {
    const entries = parseIdentifiers(
      'Vickers AJ et al. Acupuncture for chronic pain. Arch Intern Med. 2012. doi:10.1001/archinternmed.2012.3654.\nSmith J. Something. PMID: 42\nnot an id',
    )
    expect(entries[0]).toMatchObject({ kind: 'doi', doi: '10.1001/archinternmed.2012.3654' })
    expect(entries[1]).toMatchObject({ kind: 'pmid', pmid: '42' })
    expect(entries[2]).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('“not an id” is neither a DOI'),
    })
  })
})

describe('identifier lists with brackets, semicolons and numbering', () => {
  const SICI = '10.1002/(SICI)1097-0258(19980815/30)17:15/16<1661::AID-SIM968>3.0.CO;2-2'
  const dois = (text: string) =>
    parseIdentifiers(text).map((entry) =>
      'doi' in entry ? entry.doi : 'pmid' in entry ? `pmid ${entry.pmid}` : entry.message,
    )

  it('keeps a SICI DOI whole, alone, in a list, and in a formatted reference', () => {
    const sici = SICI.toLowerCase()
    expect(dois(SICI)).toEqual([sici])
    expect(dois(`doi:${SICI}; 10.1000/xyz, PMID: 123`)).toEqual([sici, '10.1000/xyz', 'pmid 123'])
    expect(dois(`<https://doi.org/${SICI}>`)).toEqual([sici])
    expect(
      dois(`Altman DG. Statistics in medicine. Stat Med. 1998;17:1661-9. doi:${SICI}.`),
    ).toEqual([sici])
  })

  it('drops a closing bracket only when the DOI does not open it', () => {
    expect(dois('(doi: 10.1001/jama.2018.1)')).toEqual(['10.1001/jama.2018.1'])
    expect(dois('Smith J. A trial (doi: 10.1001/jama.2018.1). JAMA.')).toEqual([
      '10.1001/jama.2018.1',
    ])
    expect(dois('[https://doi.org/10.1016/S0140-6736(20)30183-5].')).toEqual([
      '10.1016/s0140-6736(20)30183-5',
    ])
    expect(dois('See (10.1016/S0140-6736(20)30183-5).')).toEqual(['10.1016/s0140-6736(20)30183-5'])
  })

  it('splits at a semicolon between ids, not at the one inside a DOI', () => {
    expect(dois('10.1000/a;10.1000/b; 30198937;22965186')).toEqual([
      '10.1000/a',
      '10.1000/b',
      'pmid 30198937',
      'pmid 22965186',
    ])
  })

  it('reads a numbered reference list as DOIs, not as CSL-JSON', () => {
    const text = [
      '[1] Vickers AJ, Cronin AM. Acupuncture for chronic pain. Arch Intern Med. 2012;172(19):1444-53. doi:10.1001/archinternmed.2012.3654',
      `[2] Altman DG. Statistics. Stat Med. 1998;17:1661-9. doi:${SICI}`,
      '[3] 10.1000/xyz',
      '4. Smith J. Other. 2019. PMID: 42',
    ].join('\n')
    expect(detectReferenceFormat(text)).toBe('identifiers')
    const { format, entries } = parseReferences(text)
    expect(format).toBe('identifiers')
    expect(
      entries.map((entry) =>
        'doi' in entry ? entry.doi : 'pmid' in entry ? entry.pmid : entry.kind,
      ),
    ).toEqual(['10.1001/archinternmed.2012.3654', SICI.toLowerCase(), '10.1000/xyz', '42'])
    // CSL-JSON is still CSL-JSON, and broken CSL-JSON still says so.
    expect(detectReferenceFormat('[ {"title": "T"} ]')).toBe('csl-json')
    expect(detectReferenceFormat('[]')).toBe('csl-json')
    expect(() => parseReferences('[{"title": "T",]')).toThrow('not valid JSON')
  })
})

describe('"and others" and "et al." are no authors', () => {
  const authorsOf = (text: string) =>
    parseReferences(text).entries.map((entry) => {
      if (entry.kind !== 'record') {
        throw new Error(JSON.stringify(entry))
      }
      const mapped = sourceFromCsl(entry.csl)
      return 'draft' in mapped ? mapped.draft.authors : mapped.message
    })

  it('drops them from BibTeX, RIS and CSL-JSON', () => {
    expect(
      authorsOf(
        '@article{a, author={Vickers, Andrew J. and others}, title={T}, doi={10.1000/a}}\n@article{b, author={Smith, J. and et al.}, title={T}, doi={10.1000/b}}\n@article{c, author={Others}, title={T}, doi={10.1000/c}}',
      ),
    ).toEqual([
      [{ family: 'Vickers', given: 'Andrew J.' }],
      [{ family: 'Smith', given: 'J.' }],
      undefined,
    ])
    expect(
      authorsOf('TY  - JOUR\nTI  - T\nAU  - Smith, J\nAU  - et al.\nDO  - 10.1000/d\nER  - '),
    ).toEqual([[{ family: 'Smith', given: 'J' }]])
    expect(
      authorsOf(
        JSON.stringify([
          {
            title: 'T',
            DOI: '10.1000/e',
            author: [{ family: 'Smith', given: 'J' }, { literal: 'et al' }, { family: 'others' }],
          },
        ]),
      ),
    ).toEqual([[{ family: 'Smith', given: 'J' }]])
  })

  it('drops them from a CSL item given as is, but keeps a person of that family name', () => {
    const mapped = sourceFromCsl({
      id: 'x',
      type: 'article-journal',
      title: 'T',
      author: [{ family: 'Others', given: 'Ann' }, { family: 'others' }, { literal: 'et al.' }],
    })
    expect('draft' in mapped && mapped.draft.authors).toEqual([{ family: 'Others', given: 'Ann' }])
  })
})

describe('links and dates the formats carry', () => {
  const draftsOf = (text: string) =>
    parseReferences(text).entries.map((entry) => {
      if (entry.kind !== 'record') {
        throw new Error(JSON.stringify(entry))
      }
      const mapped = sourceFromCsl(entry.csl)
      if (!('draft' in mapped)) {
        throw new Error(mapped.message)
      }
      return mapped.draft
    })

  it('drops a URL that is only the DOI link (Zotero BibTeX, RIS, CSL-JSON), keeps any other', () => {
    const [zotero, other] = draftsOf(
      '@article{a, title={T}, doi={10.1000/ABC}, url={https://doi.org/10.1000/abc}}\n@article{b, title={T}, doi={10.1000/b}, url={https://example.org/b}}',
    )
    expect(zotero).toMatchObject({ doi: '10.1000/ABC' })
    expect(zotero.url).toBeUndefined()
    expect(other).toMatchObject({ doi: '10.1000/b', url: 'https://example.org/b' })
    const [ris] = draftsOf(
      'TY  - JOUR\nTI  - T\nDO  - 10.1000/c\nUR  - http://dx.doi.org/10.1000%2Fc\nER  - ',
    )
    expect(ris.url).toBeUndefined()
    const [csl] = draftsOf(
      JSON.stringify({ title: 'T', DOI: '10.1000/d', URL: 'https://doi.org/10.1000/D' }),
    )
    expect(csl).toMatchObject({ doi: '10.1000/d' })
    expect(csl.url).toBeUndefined()
  })

  it("reads EndNote's RIS access date (Y2) as the source's accessed date", () => {
    const [page, yearOnly] = draftsOf(
      'TY  - ELEC\nTI  - A page\nUR  - https://example.org/p\nY2  - 2020/03/15/\nER  - \n\nTY  - ELEC\nTI  - Another\nUR  - https://example.org/q\nY2  - 2021\nER  - ',
    )
    expect(page).toMatchObject({
      type: 'web-page',
      url: 'https://example.org/p',
      accessed: '2020-03-15T00:00:00.000Z',
    })
    expect(yearOnly.accessed).toBe('2021-01-01T00:00:00.000Z')
  })
})

describe('parseMedline', () => {
  it('reads tags, continuation lines, full author names, the DOI and the publication types', () => {
    const [first, second] = parseMedline(MEDLINE)
    expect(first.csl).toEqual({
      id: '30198937',
      type: 'article-journal',
      title: 'Acupuncture for chronic pain: update of an individual patient data meta-analysis',
      author: [
        { family: 'Vickers', given: 'Andrew J' },
        { family: "Acupuncture Trialists' Collaboration" },
      ],
      'container-title': 'The journal of pain',
      issued: { 'date-parts': [[2018]] },
      volume: '19',
      issue: '5',
      page: '455-474',
      DOI: '10.1016/j.jpain.2017.11.005',
      PMID: '30198937',
      PMCID: 'PMC5927830',
    })
    expect(first.hints).toEqual({ type: 'systematic-review', studyType: 'systematic-review' })
    expect(second.csl).toMatchObject({ title: 'Second', author: [{ family: 'Smith', given: 'J' }] })
    expect(second.hints).toEqual({ studyType: 'rct' })
  })
})

describe('parseReferences', () => {
  it('reads BibTeX entry by entry: @string macros apply, a broken entry is an error of its own', () => {
    const { format, entries } = parseReferences(`@string{jpain = {The Journal of Pain}}
@comment{exported by Zotero}
@article{a, title={First}, author={Vickers, Andrew J. and Cronin, Angel}, journal=jpain, year=2018, doi={10.1/a}}
@article{b, title={Broken, author={X, Y}, year=2002}
@article{c, title={Third}, year={2003}}`)
    expect(format).toBe('bibtex')
    expect(entries.map((entry) => entry.kind)).toEqual(['record', 'error', 'record'])
    expect(entries[0]).toMatchObject({
      entry: 1,
      input: expect.stringMatching(/^@article\{a,/),
      csl: {
        title: 'First',
        'container-title': 'The Journal of Pain',
        author: [
          { family: 'Vickers', given: 'Andrew J.' },
          { family: 'Cronin', given: 'Angel' },
        ],
        DOI: '10.1/a',
      },
    })
    expect(entries[1]).toMatchObject({
      entry: 2,
      message: expect.stringContaining('could not be read'),
    })
  })

  it('reads RIS record by record and says when a record has no type line', () => {
    const { entries } = parseReferences(`TY  - JOUR
TI  - One
AU  - Smith, Jane
PY  - 2019/03/01/
JO  - Pain
ER  - 
TI  - Lost record
ER  - `)
    expect(entries[0]).toMatchObject({
      kind: 'record',
      csl: {
        title: 'One',
        author: [{ family: 'Smith', given: 'Jane' }],
        issued: { 'date-parts': [[2019, 3, 1]] },
      },
    })
    expect(entries[1]).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('no “TY  -” line'),
    })
  })

  it('reads CSL-JSON items; an item that is not an object is an error; broken JSON is refused', () => {
    const { entries } = parseReferences('[{"title": ["T"], "author": [{"given": "A"}]}, 7]')
    expect(entries[0]).toMatchObject({
      kind: 'record',
      csl: { title: 'T', author: [{ family: 'A' }] },
    })
    expect(entries[1]).toMatchObject({ kind: 'error' })
    expect(() => parseReferences('[{"title": ')).toThrow(/not valid JSON/)
  })
})

describe('crossrefWorkToCsl', () => {
  it('reads the works API message: lists become text, Crossref types CSL types, the DOI link goes', () => {
    const csl = crossrefWorkToCsl(
      {
        status: 'ok',
        message: {
          DOI: '10.1001/x',
          type: 'book-chapter',
          title: ['<i>Acupuncture</i> &amp; pain'],
          'container-title': ['Handbook'],
          'published-print': { 'date-parts': [[2019, 2]] },
          URL: 'http://dx.doi.org/10.1001/x',
          ISBN: ['9780306406157', '0306406152'],
        },
      },
      '10.1001/x',
    )
    expect(csl).toEqual({
      id: '10.1001/x',
      type: 'chapter',
      title: 'Acupuncture & pain',
      'container-title': 'Handbook',
      issued: { 'date-parts': [[2019, 2]] },
      DOI: '10.1001/x',
      ISBN: '9780306406157',
    })
    expect(crossrefWorkToCsl({ status: 'error' }, '10.1/x')).toBeUndefined()
  })
})

describe('sourceFromCsl', () => {
  it('is the inverse of toCsl', () => {
    const source: SourceData = {
      id: 1,
      type: 'web-page',
      title: 'Back pain',
      authors: [{ family: 'NHS', given: null }],
      containerTitle: 'NHS website',
      year: 2023,
      url: 'https://www.nhs.uk/conditions/back-pain/',
      accessed: '2024-05-01T00:00:00.000Z',
      publisher: 'NHS England',
    }
    expect(sourceFromCsl(toCsl(source))).toEqual({
      draft: {
        type: 'web-page',
        title: 'Back pain',
        authors: [{ family: 'NHS' }],
        containerTitle: 'NHS website',
        year: 2023,
        url: 'https://www.nhs.uk/conditions/back-pain/',
        accessed: '2024-05-01T00:00:00.000Z',
        publisher: 'NHS England',
      },
    })
  })

  it('maps CSL types onto ours, applies hints, and needs a title', () => {
    const draftOf = (type: string) => {
      const result = sourceFromCsl({ id: 'x', type, title: 'T' })
      return 'draft' in result ? result.draft.type : result.message
    }
    expect(['article-journal', 'chapter', 'report', 'webpage', 'thesis'].map(draftOf)).toEqual([
      'journal-article',
      'book',
      'report',
      'web-page',
      'journal-article',
    ])
    expect(
      sourceFromCsl(
        { id: 'x', type: 'article-journal', title: 'T' },
        { type: 'guideline', studyType: 'guideline' },
      ),
    ).toMatchObject({ draft: { type: 'guideline', studyType: 'guideline' } })
    expect(sourceFromCsl({ id: 'x', type: 'book' })).toEqual({
      message: expect.stringContaining('has no title'),
    })
  })
})

/**
 * `POST /api/sources/import`: sources from pasted BibTeX, RIS, CSL-JSON, MEDLINE and lists of
 * DOIs and PMIDs, through Payload's real REST handler on a real PostgreSQL, as each role.
 *
 * These machines have no internet: a `node:http` server started in this test process
 * (`tests/helpers/referenceServices.ts`) stands in for Crossref (`GET /works/{doi}` → `{ status: 'ok', message }`, 404 for an unknown DOI) and for
 * NCBI E-utilities (`GET /efetch.fcgi?db=pubmed&id=…&rettype=medline&retmode=text` → MEDLINE text),
 * answering as those services document. Closing it makes its port a closed one (unreachable).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestContext } from '../helpers/payload'

import { bootWithReferenceServices, referenceServices } from '../helpers/referenceServices'

const uid = () => Math.random().toString(36).slice(2, 10)
const uniqueDoi = () => `10.5555/import.${uid()}`
const uniquePmid = () => String(10_000_000 + Math.floor(Math.random() * 89_999_999))

/** MEDLINE records by PMID. */
const medline = new Map<string, string>()
/** The stand-in Crossref and NCBI; its DOIs answered only after the lookup timeout are `slow`. */
const services = referenceServices({
  slowMs: 2_000,
  medline: (pmids) =>
    `${pmids.flatMap((id) => (medline.has(id) ? [medline.get(id)] : [])).join('\n\n')}\n`,
})
const { works, slow } = services
/**
 * Requests the stand-in server received, by (decoded) path and query. The DOI is one encoded
 * path segment (`10.5555%2Fx`): recorded decoded, as the DOI itself.
 */
const hits = () =>
  services.requests.map((url) => `${decodeURIComponent(url.pathname)}${url.search}`)

let t: TestContext

beforeAll(async () => {
  t = await bootWithReferenceServices(services, { timeoutMs: 700 })
})

afterAll(async () => {
  await services.close()
  await t?.payload.destroy()
})

const editor = () => t.api.as(t.editor.token)
const importText = (text: string, extra: Record<string, unknown> = {}) =>
  editor().post('/sources/import', { text, ...extra })

async function sourcesTitled(title: string) {
  const { docs } = await t.payload.find({
    collection: 'sources',
    where: { title: { equals: title } },
    overrideAccess: true,
  })
  return docs
}

function medlineRecord(pmid: string, title: string, doi: string): string {
  return [
    `PMID- ${pmid}`,
    'OWN - NLM',
    'STAT- MEDLINE',
    `TI  - ${title}: an individual patient data`,
    '      meta-analysis.',
    'PG  - 1444-53',
    `LID - ${doi} [doi]`,
    'AB  - Although acupuncture is widely used for chronic pain, there remains',
    '      considerable controversy as to its value.',
    'FAU - Vickers, Andrew J',
    'AU  - Vickers AJ',
    'FAU - Cronin, Angel M',
    'AU  - Cronin AM',
    'LA  - eng',
    'PT  - Journal Article',
    'PT  - Meta-Analysis',
    'DP  - 2012 Oct 22',
    'TA  - Arch Intern Med',
    'JT  - Archives of internal medicine',
    'VI  - 172',
    'IP  - 19',
    `AID - ${doi} [doi]`,
    'PMC - PMC3658605',
  ].join('\n')
}

describe('importing sources', () => {
  it('creates sources from BibTeX with authors, year, journal, DOI and PMID', async () => {
    const doi = uniqueDoi()
    const pmid = uniquePmid()
    const title = `Acupuncture for chronic pain ${uid()}`
    const res = await importText(`@article{vickers2012,
  author = {Vickers, Andrew J. and Cronin, Angel M.},
  title = {${title}},
  journal = {Archives of Internal Medicine},
  year = {2012},
  volume = {172},
  number = {19},
  pages = {1444--1453},
  doi = {https://doi.org/${doi.toUpperCase()}},
  pmid = {${pmid}}
}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ format: 'bibtex', dryRun: false, duplicates: [], errors: [] })
    expect(res.body.created).toHaveLength(1)
    const [source] = await sourcesTitled(title)
    expect(res.body.created[0]).toMatchObject({ entry: 1, id: source.id, title, doi, pmid })
    expect(source).toMatchObject({
      type: 'journal-article',
      authors: [
        { family: 'Vickers', given: 'Andrew J.' },
        { family: 'Cronin', given: 'Angel M.' },
      ],
      containerTitle: 'Archives of Internal Medicine',
      year: 2012,
      volume: '172',
      issue: '19',
      pages: '1444-1453',
      doi,
      pmid,
    })
  })

  it('creates sources from RIS', async () => {
    const doi = uniqueDoi()
    const title = `Exercise for low back pain ${uid()}`
    const res = await importText(`TY  - JOUR
AU  - Hayden, Jill A.
AU  - van Tulder, Maurits W.
TI  - ${title}
T2  - Cochrane Database of Systematic Reviews
PY  - 2021
VL  - 9
SP  - CD009790
DO  - ${doi}
ER  - 
`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ format: 'ris', errors: [], duplicates: [] })
    const [source] = await sourcesTitled(title)
    expect(source).toMatchObject({
      authors: [
        { family: 'Hayden', given: 'Jill A.' },
        { family: 'van Tulder', given: 'Maurits W.' },
      ],
      containerTitle: 'Cochrane Database of Systematic Reviews',
      year: 2021,
      volume: '9',
      doi,
    })
  })

  it('creates sources from CSL-JSON', async () => {
    const titles = [`Guideline on pain ${uid()}`, `Web page on pain ${uid()}`]
    const res = await importText(
      JSON.stringify([
        {
          id: 'a',
          type: 'report',
          title: titles[0],
          author: [{ literal: 'National Institute for Health and Care Excellence' }],
          issued: { 'date-parts': [[2020, 4]] },
          URL: 'https://www.nice.org.uk/guidance/ng193',
        },
        {
          id: 'b',
          type: 'webpage',
          title: titles[1],
          'container-title': 'NHS',
          URL: 'https://www.nhs.uk/conditions/back-pain/',
          accessed: { 'date-parts': [[2024, 5, 1]] },
        },
      ]),
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ format: 'csl-json', errors: [] })
    expect(res.body.created).toHaveLength(2)
    const [report] = await sourcesTitled(titles[0])
    expect(report).toMatchObject({
      type: 'report',
      year: 2020,
      authors: [{ family: 'National Institute for Health and Care Excellence' }],
    })
    const [page] = await sourcesTitled(titles[1])
    expect(page).toMatchObject({ type: 'web-page', containerTitle: 'NHS' })
    expect(page.accessed?.slice(0, 10)).toBe('2024-05-01')
  })

  it('creates sources from a PubMed (MEDLINE/.nbib) export, with the study type', async () => {
    const pmid = uniquePmid()
    const doi = uniqueDoi()
    const title = `Acupuncture ${uid()}`
    const res = await importText(medlineRecord(pmid, title, doi))
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ format: 'medline', errors: [] })
    const [source] = await sourcesTitled(`${title}: an individual patient data meta-analysis`)
    expect(source).toMatchObject({
      type: 'systematic-review',
      studyType: 'meta-analysis',
      authors: [
        { family: 'Vickers', given: 'Andrew J' },
        { family: 'Cronin', given: 'Angel M' },
      ],
      containerTitle: 'Archives of internal medicine',
      year: 2012,
      volume: '172',
      issue: '19',
      pages: '1444-53',
      doi,
      pmid,
      pmcid: 'PMC3658605',
    })
  })

  it('looks up a list of DOIs at Crossref, whatever their prefixes', async () => {
    const [a, b] = [uniqueDoi(), uniqueDoi()]
    for (const [doi, title] of [
      [a, `Crossref work A ${uid()}`],
      [b, `Crossref work B ${uid()}`],
    ]) {
      works.set(doi, {
        DOI: doi,
        type: 'journal-article',
        title: [title],
        author: [{ given: 'Andrew J.', family: 'Vickers', sequence: 'first' }],
        'container-title': ['JAMA Internal Medicine'],
        published: { 'date-parts': [[2018, 9, 10]] },
        volume: '178',
        issue: '10',
        page: '1347-1354',
        URL: `http://dx.doi.org/${doi}`,
        publisher: 'American Medical Association (AMA)',
      })
    }
    const res = await importText(`doi: ${a}, https://doi.org/${b.toUpperCase()}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ format: 'identifiers', errors: [], duplicates: [] })
    expect(res.body.created.map((c: { doi: string }) => c.doi)).toEqual([a, b])
    const { docs } = await t.payload.find({
      collection: 'sources',
      where: { doi: { equals: b } },
      overrideAccess: true,
    })
    expect(docs[0]).toMatchObject({
      title: works.get(b)?.title?.[0 as never],
      authors: [{ family: 'Vickers', given: 'Andrew J.' }],
      containerTitle: 'JAMA Internal Medicine',
      year: 2018,
      url: null,
    })
  })

  it('looks up a list of PMIDs at NCBI in one request', async () => {
    const pmids = [uniquePmid(), uniquePmid()]
    const titles = pmids.map((pmid) => `PubMed record ${pmid}`)
    pmids.forEach((pmid, i) => medline.set(pmid, medlineRecord(pmid, titles[i], uniqueDoi())))
    const before = services.requests.length
    const res = await importText(`PMID: ${pmids[0]}\n${pmids[1]}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ format: 'identifiers', errors: [] })
    expect(res.body.created.map((c: { pmid: string }) => c.pmid)).toEqual(pmids)
    expect(hits().slice(before)).toHaveLength(1)
    expect(hits().at(-1)).toContain(`id=${pmids[0]}%2C${pmids[1]}`)
    expect(hits().at(-1)).toContain('rettype=medline')
  })

  it('reports an unknown DOI and an unknown PMID by entry', async () => {
    const doi = uniqueDoi()
    const pmid = uniquePmid()
    const res = await importText(`${doi}\n${pmid}`)
    expect(res.status).toBe(200)
    expect(res.body.created).toEqual([])
    expect(res.body.errors).toEqual([
      { entry: 1, input: doi, message: expect.stringContaining(`No DOI ${doi} found at Crossref`) },
      { entry: 2, input: pmid, message: expect.stringContaining(`PMID ${pmid}`) },
    ])
  })

  it('answers duplicates of a DOI or PMID already in the library, naming the existing source', async () => {
    const doi = uniqueDoi()
    const pmid = uniquePmid()
    const existing = await t.payload.create({
      collection: 'sources',
      data: { type: 'journal-article', title: `Existing ${uid()}`, doi, pmid },
      overrideAccess: true,
    })
    const before = services.requests.length
    const res = await importText(
      `@article{dup, title={Same DOI}, author={A, B}, year=2001, doi={${doi.toUpperCase()}}}\n${pmid}`,
    )
    expect(res.status).toBe(200)
    expect(res.body.created).toEqual([])
    expect(res.body.duplicates).toEqual([
      expect.objectContaining({
        entry: 1,
        existing: expect.objectContaining({ id: existing.id, title: existing.title, doi }),
        message: expect.stringContaining(`id ${existing.id}`),
      }),
    ])
    expect(res.body.format).toBe('bibtex')
    // The PMID line is part of the BibTeX text, not an entry of its own; a list finds it too.
    const list = await importText(`PMID: ${pmid}`)
    expect(list.body.duplicates[0].existing).toMatchObject({ id: existing.id, pmid })
    // A bare id already in the library is not looked up.
    expect(hits().slice(before)).toEqual([])
  })

  it('imports a reference pasted twice once, and says the second is a duplicate', async () => {
    const doi = uniqueDoi()
    const title = `Twice ${uid()}`
    const record = `TY  - JOUR\nTI  - ${title}\nDO  - ${doi}\nER  - \n`
    const res = await importText(`${record}${record.replace(doi, doi.toUpperCase())}`)
    expect(res.status).toBe(200)
    expect(res.body.created).toHaveLength(1)
    expect(res.body.duplicates).toEqual([
      expect.objectContaining({
        entry: 2,
        existing: expect.objectContaining({ entry: 1, id: res.body.created[0].id, doi }),
      }),
    ])
    expect(await sourcesTitled(title)).toHaveLength(1)
  })

  it('creates the good entries around a malformed one and writes nothing of the bad one', async () => {
    const [first, bad, last, invalid] = ['First', 'Broken', 'Last', 'Invalid'].map(
      (word) => `${word} ${uid()}`,
    )
    const res =
      await importText(`@article{a, title={${first}}, author={A, B}, year=2001, doi={${uniqueDoi()}}}
@article{b, title={${bad}, author={C, D}, year=2002, doi={${uniqueDoi()}}}
@article{c, title={${last}}, author={E, F}, year=2003, doi={${uniqueDoi()}}}
@article{d, title={${invalid}}, author={G, H}, year=2004, doi={11.123/not-a-doi}}`)
    expect(res.status).toBe(200)
    expect(res.body.created.map((c: { title: string }) => c.title)).toEqual([first, last])
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        entry: 2,
        input: expect.stringContaining('@article{b'),
        message: expect.stringContaining('This BibTeX entry could not be read'),
      }),
      expect.objectContaining({
        entry: 4,
        message: expect.stringMatching(/DOI: “11\.123\/not-a-doi” is not a DOI/),
      }),
    ])
    expect(await sourcesTitled(first)).toHaveLength(1)
    expect(await sourcesTitled(last)).toHaveLength(1)
    expect(await sourcesTitled(invalid)).toHaveLength(0)
    const { totalDocs } = await t.payload.count({
      collection: 'sources',
      where: { title: { like: bad.split(' ')[1] } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(0)
  })

  it('says a reference without any locator needs one', async () => {
    const res = await importText(
      `@book{x, title={A book without an ISBN}, author={Smith, J}, year=2001}`,
    )
    expect(res.body.errors[0].message).toBe(
      'This source could not be saved. DOI: Add at least one way to find this source: a DOI, a PubMed ID (PMID), a URL or an ISBN.',
    )
  })

  it('uses the lookup cache: a second import of the same DOI does not ask Crossref again', async () => {
    const doi = uniqueDoi()
    works.set(doi, { DOI: doi, type: 'journal-article', title: [`Cached ${uid()}`] })
    const first = await importText(doi)
    expect(first.body.created).toHaveLength(1)
    await t.payload.delete({
      collection: 'sources',
      id: first.body.created[0].id,
      overrideAccess: true,
    })
    const asked = hits().filter((hit) => hit.includes(doi)).length
    expect(asked).toBe(1)
    const second = await importText(doi)
    expect(second.body.created).toHaveLength(1)
    expect(hits().filter((hit) => hit.includes(doi)).length).toBe(asked)
  })

  it('says Crossref could not be reached when it does not answer in time', async () => {
    const doi = uniqueDoi()
    works.set(doi, { DOI: doi, title: ['Too slow'] })
    slow.add(doi)
    const res = await importText(doi)
    expect(res.status).toBe(200)
    expect(res.body.errors).toEqual([
      {
        entry: 1,
        input: doi,
        message: expect.stringMatching(/^Could not reach Crossref .*enter the details by hand/),
      },
    ])
  })

  it('says Crossref and PubMed could not be reached when the service is down (a closed port)', async () => {
    const doi = uniqueDoi()
    const pmid = uniquePmid()
    works.set(doi, { DOI: doi, title: ['Never fetched'] })
    await services.close()
    try {
      const res = await importText(`${doi}\n${pmid}`)
      expect(res.status).toBe(200)
      expect(res.body.created).toEqual([])
      expect(res.body.errors).toEqual([
        { entry: 1, input: doi, message: expect.stringContaining('Could not reach Crossref') },
        {
          entry: 2,
          input: pmid,
          message: expect.stringContaining('Could not reach PubMed (NCBI)'),
        },
      ])
      expect(res.body.errors[0].message).toContain('enter the details by hand')
    } finally {
      await services.listen()
    }
  })

  it('previews with dryRun: lists what would be created and writes nothing', async () => {
    const title = `Preview only ${uid()}`
    const doi = uniqueDoi()
    const res = await importText(
      `TY  - JOUR\nTI  - ${title}\nAU  - Smith, Jane\nPY  - 2019\nDO  - ${doi}\nER  - \n`,
      {
        dryRun: true,
      },
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ dryRun: true, errors: [], duplicates: [] })
    expect(res.body.created).toEqual([
      expect.objectContaining({
        entry: 1,
        title,
        doi,
        year: 2019,
        authors: [{ family: 'Smith', given: 'Jane' }],
      }),
    ])
    expect(res.body.created[0].id).toBeUndefined()
    expect(await sourcesTitled(title)).toHaveLength(0)
    // The preview validates as the import does.
    const invalid = await importText(`@article{p, title={${title}}, doi={11.1/x}}`, {
      dryRun: true,
    })
    expect(invalid.body.errors[0].message).toContain('is not a DOI')
  })

  it('refuses anonymous callers and accounts that may not create sources', async () => {
    const text = `10.5555/${uid()}`
    const anonymous = await t.api.post('/sources/import', { text })
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].message).toBe('Log in to import sources.')
    const reviewer = await t.api.as(t.reviewer.token).post('/sources/import', { text })
    expect(reviewer.status).toBe(403)
    expect(reviewer.body.errors[0].message).toContain('may not add sources')
  })

  it('answers 400 with a clear sentence for empty or unreadable text', async () => {
    for (const body of [{}, { text: '' }, { text: '   \n ' }, { text: 42 }]) {
      const res = await editor().post('/sources/import', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.errors[0].message).toContain('Paste the references to import')
    }
    const garbage = await importText('hello there, these are my notes')
    expect(garbage.status).toBe(400)
    expect(garbage.body.errors[0].message).toContain('We found no references in this text')
    const json = await importText('[{"title": "broken",')
    expect(json.status).toBe(400)
    expect(json.body.errors[0].message).toContain('not valid JSON')
    const dryRun = await importText('10.5555/x', { dryRun: 'yes' })
    expect(dryRun.status).toBe(400)
    expect(dryRun.body.errors[0].data.errors[0].path).toBe('dryRun')
  })
})

/**
 * The lookups of `POST /api/sources/import` against a stand-in Crossref and NCBI (`node:http` in
 * this process; these machines have no internet): one import's lookups end by `deadlineMs`
 * (what is not answered by then fails and is not written), answers larger than
 * `MAX_ANSWER_BYTES` are refused unread, and the whole DOI is one path segment of the Crossref
 * request — `..` in a DOI cannot point it elsewhere, and a SICI DOI arrives intact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestContext } from '../helpers/payload'

import { MAX_ANSWER_BYTES } from '../../src/importer/sources/lookup'
import { bootWithReferenceServices, referenceServices } from '../helpers/referenceServices'

const uid = () => Math.random().toString(36).slice(2, 10)
const uniquePmid = () => String(10_000_000 + Math.floor(Math.random() * 89_999_999))

const DEADLINE_MS = 1_000
/** How long the slow stand-in takes: past the deadline, well within the per-request timeout. */
const SLOW_MS = 2_500

/** DOIs answered with a body larger than the cap (sent in chunks, without a length). */
const huge = new Set<string>()
/** PMIDs answered with a MEDLINE text larger than the cap (with its Content-Length). */
const hugePmids = new Set<string>()

/** The stand-in Crossref and NCBI; DOIs and PMIDs in `slow` are answered after {@link SLOW_MS}. */
const services = referenceServices({
  slowMs: SLOW_MS,
  medline: (pmids) =>
    pmids.map((id) => `PMID- ${id}\nTI  - Record ${id}.\nDP  - 2019\n`).join('\n'),
  intercept: (lookup, res) => {
    if ('doi' in lookup && huge.has(lookup.doi)) {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      const chunk = 'x'.repeat(64 * 1024)
      res.write(`{"status":"ok","message":{"DOI":"${lookup.doi}","title":["`)
      for (let sent = 0; sent <= MAX_ANSWER_BYTES; sent += chunk.length) {
        res.write(chunk)
      }
      res.end('"]}}')
      return true
    }
    if ('pmids' in lookup && lookup.pmids.some((id) => hugePmids.has(id))) {
      const text = `PMID- ${lookup.pmids[0]}\nTI  - ${'y'.repeat(MAX_ANSWER_BYTES + 10)}\n`
      res
        .writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) })
        .end(text)
      return true
    }
    return false
  },
})
const { works, slow } = services

let t: TestContext

beforeAll(async () => {
  t = await bootWithReferenceServices(services, {
    timeoutMs: 10_000,
    deadlineMs: DEADLINE_MS,
    cacheSize: 0,
  })
})

afterAll(async () => {
  await services.close()
  await t?.payload.destroy()
})

const importText = (text: string, extra: Record<string, unknown> = {}) =>
  t.api.as(t.editor.token).post('/sources/import', { text, ...extra })

const work = (doi: string, title: string) => ({ DOI: doi, type: 'journal-article', title: [title] })

async function sourcesWithDoi(doi: string) {
  const { docs } = await t.payload.find({
    collection: 'sources',
    where: { doi: { equals: doi } },
    overrideAccess: true,
  })
  return docs
}

describe('the lookups of one import', () => {
  it('end at the deadline: what is not answered by then fails, and nothing of it is written', async () => {
    const fast = [1, 2].map(() => `10.5555/fast.${uid()}`)
    const late = [1, 2, 3, 4].map(() => `10.5555/late.${uid()}`)
    const latePmid = uniquePmid()
    for (const doi of [...fast, ...late]) {
      works.set(doi, work(doi, `Deadline ${doi}`))
    }
    for (const doi of late) {
      slow.add(doi)
    }
    slow.add(latePmid)
    const started = Date.now()
    const res = await importText([...fast, ...late, latePmid].join('\n'))
    const took = Date.now() - started
    expect(res.status).toBe(200)
    expect(took).toBeLessThan(SLOW_MS)
    expect(res.body.created.map((item: { doi: string }) => item.doi)).toEqual(fast)
    expect(res.body.errors).toEqual([
      ...late.map((doi, index) => ({
        entry: 3 + index,
        input: doi,
        message: `Crossref did not answer in time to look up DOI ${doi}; try again or enter the details by hand.`,
      })),
      {
        entry: 7,
        input: latePmid,
        message: `PubMed (NCBI) did not answer in time to look up PMID ${latePmid}; try again or enter the details by hand.`,
      },
    ])
    for (const doi of late) {
      expect(await sourcesWithDoi(doi)).toHaveLength(0)
    }
    // Each import has its deadline of its own: the next one looks up again.
    for (const doi of late) {
      slow.delete(doi)
    }
    const again = await importText(late[0])
    expect(again.body.created).toEqual([expect.objectContaining({ doi: late[0] })])
  })

  it('refuses an answer larger than the cap, with or without its length', async () => {
    const doi = `10.5555/huge.${uid()}`
    huge.add(doi)
    const pmid = uniquePmid()
    hugePmids.add(pmid)
    const res = await importText(`${doi}\n${pmid}`)
    expect(res.status).toBe(200)
    expect(res.body.created).toEqual([])
    expect(res.body.errors).toEqual([
      {
        entry: 1,
        input: doi,
        message: `Crossref's answer for DOI ${doi} is too large to read; enter the details by hand.`,
      },
      {
        entry: 2,
        input: pmid,
        message: `PubMed's (NCBI) answer for PMID ${pmid} is too large to read; enter the details by hand.`,
      },
    ])
  })

  it('sends the whole DOI as one path segment: `..` stays in the DOI, a SICI DOI arrives intact', async () => {
    const dotted = `10.5555/../../ncbi/${uid()}`
    const sici = `10.1002/(sici)1097-0258(19980815/30)17:15/16<1661::aid-sim968>3.0.co;2-${uid()}`
    works.set(dotted, work(dotted, `Dotted ${uid()}`))
    works.set(sici, work(sici, `SICI ${uid()}`))
    const before = services.requests.length
    const res = await importText(`${dotted}\n${sici.toUpperCase()}`)
    expect(res.status).toBe(200)
    expect(res.body.errors).toEqual([])
    expect(res.body.created.map((item: { doi: string }) => item.doi)).toEqual([dotted, sici])
    const paths = services.requests.slice(before).map((url) => url.pathname)
    expect(paths).toContain(`/crossref/works/${encodeURIComponent(dotted)}`)
    expect(paths.every((path) => path.startsWith('/crossref/works/10.'))).toBe(true)
    expect(paths.every((path) => !path.slice('/crossref/works/'.length).includes('/'))).toBe(true)
  })
})

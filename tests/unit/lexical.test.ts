import { describe, expect, it } from 'vitest'

import {
  extractClaimIds,
  humanize,
  lexicalToPlainText,
  splitSentences,
  walkLexical,
} from '../../src/evidence/lexical'

// --- tiny Lexical JSON builders (shape of Payload richtext-lexical 3.x) ---------------------------
type Node = Record<string, unknown>
const text = (t: string): Node => ({
  type: 'text',
  text: t,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const br = (): Node => ({ type: 'linebreak', version: 1 })
const link = (url: string, ...children: Node[]): Node => ({
  type: 'link',
  fields: { url, linkType: 'custom' },
  children,
  version: 3,
})
const claimRef = (claim: unknown): Node => ({
  type: 'inlineBlock',
  fields: { id: 'ref' + String(Math.random()).slice(2, 8), blockType: 'claimRef', claim },
  version: 1,
})
const inlineBlock = (fields: Node): Node => ({
  type: 'inlineBlock',
  fields: { id: 'ib1', ...fields },
  version: 1,
})
const p = (...children: Node[]): Node => ({
  type: 'paragraph',
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
})
const h = (tag: string, ...children: Node[]): Node => ({
  type: 'heading',
  tag,
  children,
  version: 1,
})
const li = (...children: Node[]): Node => ({ type: 'listitem', value: 1, children, version: 1 })
const ul = (...items: Node[]): Node => ({
  type: 'list',
  listType: 'bullet',
  tag: 'ul',
  start: 1,
  children: items,
  version: 1,
})
const quote = (...children: Node[]): Node => ({ type: 'quote', children, version: 1 })
const cell = (...children: Node[]): Node => ({
  type: 'tablecell',
  headerState: 0,
  children,
  version: 1,
})
const row = (...cells: Node[]): Node => ({ type: 'tablerow', children: cells, version: 1 })
const table = (...rows: Node[]): Node => ({ type: 'table', children: rows, version: 1 })
const block = (fields: Node): Node => ({
  type: 'block',
  fields: { id: 'b1', ...fields },
  format: '',
  version: 2,
})
const doc = (...children: Node[]): { root: Node } => ({
  root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
})

describe('walkLexical', () => {
  it('returns one segment per paragraph / heading / quote with the base path', () => {
    const segments = walkLexical(
      doc(
        h('h2', text('How it works')),
        p(text('First '), text('paragraph.')),
        quote(text('A quote.')),
      ),
      { path: ['Benefits', 'Body'] },
    )
    expect(segments.map((s) => [s.container, s.text, s.path])).toEqual([
      ['heading', 'How it works', ['Benefits', 'Body']],
      ['paragraph', 'First paragraph.', ['Benefits', 'Body']],
      ['quote', 'A quote.', ['Benefits', 'Body']],
    ])
  })

  it('concatenates link text, line breaks and skips empty paragraphs', () => {
    const segments = walkLexical(
      doc(
        p(text('See '), link('https://x.org', text('70% of patients')), br(), text('next line')),
        p(),
      ),
      {
        path: [],
      },
    )
    expect(segments).toHaveLength(1)
    expect(segments[0]?.text).toBe('See 70% of patients\nnext line')
  })

  it('records claimRef inline blocks with their offsets (id, string id or populated doc)', () => {
    const segments = walkLexical(
      doc(
        p(
          text('70% improved.'),
          claimRef(12),
          text(' Another'),
          claimRef('abc'),
          text(' one.'),
          claimRef({ id: 7, statement: 'x' }),
        ),
      ),
      { path: ['Body'] },
    )
    expect(segments[0]?.claimRefs).toEqual([
      { claimId: 12, offset: 13 },
      { claimId: 'abc', offset: 21 },
      { claimId: 7, offset: 26 },
    ])
    expect(segments[0]?.text).toBe('70% improved. Another one.')
  })

  it('walks list items, including nested lists, as separate segments', () => {
    const segments = walkLexical(
      doc(ul(li(text('One')), li(text('Two'), ul(li(text('Two point one')))))),
      { path: ['P'] },
    )
    expect(segments.map((s) => [s.container, s.text])).toEqual([
      ['listitem', 'One'],
      ['listitem', 'Two'],
      ['listitem', 'Two point one'],
    ])
  })

  it('labels table cells with their row and cell number', () => {
    const segments = walkLexical(
      doc(
        table(
          row(cell(p(text('Outcome'))), cell(p(text('Rate')))),
          row(cell(p(text('Pain'))), cell(p(text('70%')))),
        ),
      ),
      { path: ['Comparison'] },
    )
    expect(segments.map((s) => [s.text, s.path.join(' › ')])).toEqual([
      ['Outcome', 'Comparison › Table row 1 › cell 1'],
      ['Rate', 'Comparison › Table row 1 › cell 2'],
      ['Pain', 'Comparison › Table row 2 › cell 1'],
      ['70%', 'Comparison › Table row 2 › cell 2'],
    ])
  })

  it('numbers a second table', () => {
    const t = table(row(cell(text('x'))))
    const segments = walkLexical(doc(t, t), { path: [] })
    expect(segments.map((s) => s.path.join(' › '))).toEqual([
      'Table row 1 › cell 1',
      'Table 2 row 1 › cell 1',
    ])
  })

  it('descends into block nodes: nested rich text, strings and arrays with readable paths', () => {
    const value = doc(
      block({
        blockType: 'benefit',
        blockName: 'Natural Pain Reduction',
        clinicalPerspective: doc(
          p(text('The clinic reports 70% of their patients improve.'), claimRef(3)),
        ),
        summary: 'Relief without drugs.',
        url: 'https://example.com',
        stats: [{ id: 'r1', label: 'Pain relief', value: '70%+', claim: 5 }],
      }),
      block({
        blockType: 'comparisonTable',
        blockName: '',
        rows: [{ id: 'r', cells: ['25-40%'] }],
      }),
    )
    const segments = walkLexical(value, { path: ['Benefits'] })
    const byPath = Object.fromEntries(segments.map((s) => [s.path.join(' › '), s]))
    expect(Object.keys(byPath)).toEqual([
      'Benefits › Natural Pain Reduction › Clinical perspective',
      'Benefits › Natural Pain Reduction › Summary',
      'Benefits › Natural Pain Reduction › Stats › Pain relief › Label',
      'Benefits › Natural Pain Reduction › Stats › Pain relief › Value',
      'Benefits › Comparison table › Rows › Item 1 › Cells',
    ])
    expect(byPath['Benefits › Natural Pain Reduction › Clinical perspective']?.claimRefs).toEqual([
      { claimId: 3, offset: 49 },
    ])
    expect(byPath['Benefits › Natural Pain Reduction › Stats › Pain relief › Value']).toMatchObject(
      {
        text: '70%+',
        container: 'field',
        claimIds: [5],
      },
    )
  })

  it('walks the fields of an inline block and records where it sits', () => {
    const segments = walkLexical(
      doc(
        p(
          text('Patients improved by '),
          inlineBlock({ blockType: 'statHighlight', stat: '60%' }),
          text(' overall.'),
          claimRef(9),
        ),
      ),
      { path: ['Body'] },
    )
    expect(segments.map((s) => [s.text, s.path.join(' › ')])).toEqual([
      ['Patients improved by  overall.', 'Body'],
      ['60%', 'Body › Stat highlight › Stat'],
    ])
    expect(segments[1]?.host).toEqual({
      text: 'Patients improved by  overall.',
      offset: 21,
      claimRefs: [{ claimId: 9, offset: 30 }],
    })
  })

  it('walks unknown element nodes with children and ignores non-Lexical values', () => {
    const value = doc(
      { type: 'callout', children: [p(text('Inside a callout.'))] },
      p({ type: 'mark', children: [text('marked')] }),
    )
    expect(walkLexical(value, { path: [] }).map((s) => s.text)).toEqual([
      'Inside a callout.',
      'marked',
    ])
    expect(walkLexical(null, { path: [] })).toEqual([])
    expect(walkLexical({ root: 'x' }, { path: [] })).toEqual([])
    expect(walkLexical(JSON.stringify(doc(p(text('from JSON')))), { path: [] })[0]?.text).toBe(
      'from JSON',
    )
  })
})

describe('lexicalToPlainText', () => {
  it('joins containers with blank lines', () => {
    expect(
      lexicalToPlainText(
        doc(
          h('h2', text('Title')),
          p(text('Body '), link('https://a.b', text('link'))),
          ul(li(text('Item'))),
        ),
      ),
    ).toBe('Title\n\nBody link\n\nItem')
    expect(lexicalToPlainText('plain string')).toBe('plain string')
    expect(lexicalToPlainText(undefined)).toBe('')
  })
})

describe('extractClaimIds', () => {
  it('finds claimRefs and claim fields in blocks, nested rich text and arrays, deduplicated', () => {
    const value = doc(
      p(text('a'), claimRef(1), claimRef({ id: 2, statistics: [] })),
      ul(li(text('b'), claimRef('1'))),
      block({
        blockType: 'benefit',
        body: doc(p(text('c'), claimRef(3))),
        points: [
          { label: 'x', claim: 4 },
          { label: 'y', claims: [5, { id: 6 }] },
        ],
        claim: { relationTo: 'claims', value: 7 },
      }),
      p(text('d'), claimRef(1)),
      p(text('e'), claimRef(null)),
    )
    expect(extractClaimIds(value)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('ignores keys named claim outside blocks and copes with junk', () => {
    expect(
      extractClaimIds({
        root: { type: 'root', children: [{ type: 'paragraph', claim: 5, children: [] }] },
      }),
    ).toEqual([])
    expect(extractClaimIds(undefined)).toEqual([])
  })
})

describe('splitSentences', () => {
  const texts = (t: string): string[] => splitSentences(t).map((s) => s.text)

  it('splits on end punctuation followed by whitespace', () => {
    expect(texts('One sentence. Two sentence! Three? Four')).toEqual([
      'One sentence.',
      'Two sentence!',
      'Three?',
      'Four',
    ])
  })

  it('keeps abbreviations, decimals, initials and acronyms inside the sentence', () => {
    expect(texts('Dr. Lee saw pain drop from 6.8 to 3.1 points. Next one.')).toEqual([
      'Dr. Lee saw pain drop from 6.8 to 3.1 points.',
      'Next one.',
    ])
    expect(texts('Some therapies, e.g. acupuncture, help. Others, i.e. surgery, do not.')).toEqual([
      'Some therapies, e.g. acupuncture, help.',
      'Others, i.e. surgery, do not.',
    ])
    expect(
      texts('Adults in the U.S. Army reported 40% less pain. Smith et al. found this too.'),
    ).toEqual(['Adults in the U.S. Army reported 40% less pain.', 'Smith et al. found this too.'])
    expect(texts('Acupuncture vs. placebo: 70% vs. 40%. J. Smith agreed.')).toEqual([
      'Acupuncture vs. placebo: 70% vs. 40%.',
      'J. Smith agreed.',
    ])
    expect(texts('1. Natural Pain Reduction Without Medications')).toEqual([
      '1. Natural Pain Reduction Without Medications',
    ])
  })

  it('includes closing quotes and brackets, and splits at line breaks', () => {
    expect(texts('He said "it works." (It did.) Then\nA new line')).toEqual([
      'He said "it works."',
      '(It did.)',
      'Then',
      'A new line',
    ])
  })

  it('returns offsets into the original text', () => {
    const t = '  First one.   Second one.  '
    for (const s of splitSentences(t)) {
      expect(t.slice(s.start, s.end)).toBe(s.text)
    }
    expect(splitSentences(t).map((s) => [s.start, s.end])).toEqual([
      [2, 12],
      [15, 26],
    ])
    expect(splitSentences('   ')).toEqual([])
  })
})

describe('humanize', () => {
  it('turns field names into labels', () => {
    expect(humanize('clinicalPerspective')).toBe('Clinical perspective')
    expect(humanize('comparison_table')).toBe('Comparison table')
    expect(humanize('faqItems')).toBe('Faq items')
    expect(humanize('FAQItems')).toBe('FAQ items')
  })
})

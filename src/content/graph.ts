import type { TextSource } from '../evidence/coverage'
import type { DetectedStatistic } from '../evidence/types'
import type { DocId } from '../shared/ids'
/**
 * The content graph: what every block, field and relationship of an article points at and shows,
 * walked in reading order. Pure — no Payload import. Documents come in as Payload returns them
 * (relationships as ids or populated); related documents that are not populated come from a
 * {@link Library}, which `./load.ts` fills with one query per collection.
 *
 * Everything Cited promises about an article is a visitor of this one walk: the evidence check
 * (`prose`, `dataPoint`), the publish gate (`claim`), reference numbering (`claim`, in order) and
 * annotation (`prose`, `claim` holders), the public set (`shows`, `claim`) and the admin evidence
 * panel.
 *
 * The rule, stated once: **what a published article exposes is exactly what was checked.** A
 * document is visited where a reader sees it, and then everything it holds is visited too. A
 * benefit block with `showTips: false` neither checks nor exposes the benefit's tips; a benefit
 * shown only as a comparison column (or a cell's benefit) is readable by anyone, so all its text
 * and claims are visited, but not its tips, which the table does not show.
 */
import type { AftercareTip, Article, Benefit, ComparisonRow, Media } from '../types/generated'

import { extractClaimIds, extractUploadIds } from '../evidence/lexical'
import { relationId, relationIds } from '../shared/ids'

/** The blocks of `articles.layout`, as Payload generates their types. */
export type LayoutBlock = NonNullable<Article['layout']>[number]
export type LayoutBlockType = LayoutBlock['blockType']
type BlockOf<K extends LayoutBlockType> = Extract<LayoutBlock, { blockType: K }>

/** Documents the walk needs in hand to go on (their content is part of the article). */
export type LoadedKind = 'benefits' | 'media' | 'rows' | 'tips'
/** Library documents an article shows. Claims and sources have visitors of their own. */
export type ShownKind = LoadedKind

/** The documents of the walk as Payload returns them, or as a form holds them (partial). */
export type ArticleContent = Partial<Article>
export type BenefitContent = Partial<Benefit>
export type TipContent = Partial<AftercareTip>
export type RowContent = Partial<ComparisonRow>
export type MediaContent = Partial<Media>

interface LoadedDocs {
  benefits: BenefitContent
  media: MediaContent
  rows: RowContent
  tips: TipContent
}

/** Related documents by `String(id)`, for relationships that are not populated. */
export type Library = { readonly [K in LoadedKind]: ReadonlyMap<string, LoadedDocs[K]> }

export const emptyLibrary = (): Library => ({
  benefits: new Map(),
  media: new Map(),
  rows: new Map(),
  tips: new Map(),
})

/** A text a reader sees, where it is, and the claims that back it. */
export interface Prose {
  /** The text (plain, with the claims of its sibling `claim` field, or Lexical rich text). */
  source: TextSource
  /** Payload field path in the walked document (where a ValidationError is reported). */
  fieldPath: string
  /**
   * The related document the text belongs to (a benefit, tip or row the article shows), absent
   * for the walked document's own fields. A document shown twice yields its texts twice, with the
   * same owner: visitors that report on texts keep the first.
   */
  owner?: { kind: LoadedKind; id: string; field: string }
  /**
   * A title, heading, label, byline or alt text: it has no claim field of its own, so a statistic
   * in it is backed by the claims the walked content cites anywhere ("70% Less Back Pain" in a
   * title needs a cited claim stating 70% in the article).
   */
  backedByContent?: true
  /** The field in the schema: `<collection>:<path>`, blocks as `layout.<blockType>.<field>`. */
  schemaPath: string
}

/** A number stated as data (a chart point) and the claims that must state it. */
export interface DataPoint {
  statistic: DetectedStatistic
  path: string[]
  fieldPath: string
  claimIds: DocId[]
}

/** The object next to a citation that carries its reference numbers (block, chart point, cell). */
export interface CitationHolder {
  referenceNumbers?: null | number[]
}

export interface ContentVisitor {
  /** Every text a reader sees, in reading order. */
  prose?(prose: Prose): void
  /** Every number stated as data. */
  dataPoint?(point: DataPoint): void
  /**
   * Every claim the content cites, in reading order, repeats included; `holder` is where its
   * reference numbers are shown, when the citation has such a place.
   */
  claim?(id: DocId, holder?: CitationHolder): void
  /** Every library document the content shows, each time it is shown. */
  shows?(kind: ShownKind, id: DocId): void
  /** A related document that is neither populated nor in the library (not loaded yet, or gone). */
  missing?(kind: LoadedKind, id: DocId): void
}

type Doc = Record<string, unknown>

const isDoc = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const docs = <T>(value: unknown): T[] => (Array.isArray(value) ? (value.filter(isDoc) as T[]) : [])
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined
/** A populated relationship: an object carrying more than its id. */
const isPopulated = (value: unknown): value is Doc =>
  isDoc(value) && Object.keys(value).some((key) => key !== 'id')

/** Where the walk is: the readable path and the field path of what is being visited. */
interface At {
  path: string[]
  fieldPath: string
  /** The schema path of the fields walked here: `benefits:`, `articles:layout.chart.`. */
  schema: string
}

const under = (at: At, label: string, field: string): At => ({
  path: [...at.path, label],
  fieldPath: at.fieldPath ? `${at.fieldPath}.${field}` : field,
  schema: `${at.schema}${field}`,
})

/** How a plain text is backed: its sibling claim field, or the claims of the whole content. */
type Backing = { claims: unknown } | 'content'

class Walk {
  constructor(
    readonly library: Library,
    readonly visitor: ContentVisitor,
  ) {}

  /** The related document a relationship value points at: populated, from the library, or missing. */
  resolve<K extends LoadedKind>(
    kind: K,
    value: unknown,
  ): { doc: LoadedDocs[K]; id: DocId } | undefined {
    const id = relationId(value)
    if (id === undefined) {
      return undefined
    }
    if (isPopulated(value)) {
      return { doc: value as LoadedDocs[K], id }
    }
    const doc = this.library[kind].get(String(id))
    if (!doc) {
      this.visitor.missing?.(kind, id)
      return undefined
    }
    return { doc, id }
  }

  /** A plain text field, backed by its sibling claim field or (titles, labels) by the content's claims. */
  plain(value: unknown, at: At, backing: Backing, owner?: Prose['owner']): void {
    const claimIds = backing === 'content' ? [] : relationIds(backing.claims)
    const source: TextSource = {
      kind: 'plain',
      text: typeof value === 'string' ? value : undefined,
      path: at.path,
      claimIds,
    }
    this.visitor.prose?.({
      source,
      fieldPath: at.fieldPath,
      owner,
      schemaPath: at.schema,
      ...(backing === 'content' ? { backedByContent: true as const } : {}),
    })
  }

  rich(value: unknown, at: At, owner?: Prose['owner']): void {
    this.visitor.prose?.({
      source: { kind: 'richText', value, path: at.path },
      fieldPath: at.fieldPath,
      owner,
      schemaPath: at.schema,
    })
    for (const id of extractClaimIds(value)) {
      this.visitor.claim?.(id)
    }
    for (const id of extractUploadIds(value, 'media')) {
      this.media(id, { ...at, path: [...at.path, 'Image'] })
    }
  }

  /** An image the content shows: its alt text is read aloud and shown when the image is not. */
  media(value: unknown, at: At): void {
    const found = this.resolve('media', value)
    if (!found) {
      return
    }
    this.visitor.shows?.('media', found.id)
    const owner = { kind: 'media' as const, id: String(found.id), field: 'alt' }
    this.plain(
      found.doc.alt,
      { path: [...at.path, 'Alt text'], fieldPath: at.fieldPath, schema: 'media:alt' },
      'content',
      owner,
    )
  }

  claims(value: unknown, holder?: CitationHolder): void {
    for (const id of relationIds(value)) {
      this.visitor.claim?.(id, holder)
    }
  }

  /** A benefit as an article shows it; `withTips` when its aftercare tips are shown too. */
  benefit(value: unknown, at: At, withTips: boolean): string | undefined {
    const found = this.resolve('benefits', value)
    if (!found) {
      return undefined
    }
    const { doc: benefit, id } = found
    const title = text(benefit.title) ?? 'Benefit'
    this.visitor.shows?.('benefits', id)
    const here = { path: [...at.path, title], fieldPath: at.fieldPath, schema: 'benefits:' }
    benefitFields(this, benefit, here, String(id))
    if (withTips) {
      for (const tip of Array.isArray(benefit.aftercareTips) ? benefit.aftercareTips : []) {
        this.tip(tip, here)
      }
    }
    return title
  }

  tip(value: unknown, at: At): void {
    const found = this.resolve('tips', value)
    if (!found) {
      return
    }
    this.visitor.shows?.('tips', found.id)
    tipFields(
      this,
      found.doc,
      {
        path: [...at.path, text(found.doc.title) ?? 'Tip'],
        fieldPath: at.fieldPath,
        schema: 'aftercare-tips:',
      },
      String(found.id),
    )
  }

  row(value: unknown, at: At): void {
    const found = this.resolve('rows', value)
    if (!found) {
      return
    }
    this.visitor.shows?.('rows', found.id)
    rowFields(this, found.doc, { ...at, schema: 'comparison-rows:' }, String(found.id))
  }
}

/** A benefit's own fields. `ownerId` when the benefit is shown by another document. */
function benefitFields(walk: Walk, benefit: BenefitContent, at: At, ownerId?: string): void {
  const owner = (field: string) =>
    ownerId === undefined ? undefined : { kind: 'benefits' as const, id: ownerId, field }
  walk.plain(benefit.title, under(at, 'Title', 'title'), 'content', owner('title'))
  walk.plain(benefit.summary, under(at, 'Summary', 'summary'), 'content', owner('summary'))
  walk.rich(benefit.howItWorks, under(at, 'How it works', 'howItWorks'), owner('howItWorks'))
  walk.rich(
    benefit.clinicalPerspective,
    under(at, 'Clinical perspective', 'clinicalPerspective'),
    owner('clinicalPerspective'),
  )
  walk.claims(benefit.claims)
}

function tipFields(walk: Walk, tip: TipContent, at: At, ownerId?: string): void {
  const owner = (field: string) =>
    ownerId === undefined ? undefined : { kind: 'tips' as const, id: ownerId, field }
  walk.plain(tip.title, under(at, 'Title', 'title'), 'content', owner('title'))
  walk.plain(
    tip.instruction,
    under(at, 'Instruction', 'instruction'),
    'content',
    owner('instruction'),
  )
  walk.plain(tip.caution, under(at, 'Caution', 'caution'), 'content', owner('caution'))
}

/**
 * A comparison row's aspect and cells, labelled "aspect › column": each cell's benefit is shown
 * (as its column's title), its text is prose backed by its claim.
 */
function rowFields(walk: Walk, row: RowContent, at: At, ownerId?: string): void {
  const aspect = text(row.aspect) ?? 'Row'
  const owner = (field: string) =>
    ownerId === undefined ? undefined : { kind: 'rows' as const, id: ownerId, field }
  walk.plain(
    row.aspect,
    under({ ...at, path: [...at.path, aspect] }, 'Aspect', 'aspect'),
    'content',
    owner('aspect'),
  )
  docs<NonNullable<RowContent['cells']>[number]>(row.cells).forEach((cell, index) => {
    const cellAt = {
      path: [...at.path, aspect],
      fieldPath: at.fieldPath ? `${at.fieldPath}.cells.${index}` : `cells.${index}`,
      schema: `${at.schema}cells.`,
    }
    // As a standalone row (no owner) the cell's benefit is only a label; shown by an article it is
    // a document the reader can open.
    const column =
      ownerId === undefined
        ? titleOf(walk, cell.benefit)
        : walk.benefit(cell.benefit, { ...cellAt, schema: '' }, false)
    const textAt = {
      path: [...cellAt.path, column ?? `Cell ${index + 1}`],
      fieldPath: `${cellAt.fieldPath}.text`,
      schema: `${cellAt.schema}text`,
    }
    walk.plain(cell.text, textAt, { claims: cell.claim }, owner(`cells.${index}.text`))
    walk.claims(cell.claim, cell)
  })
}

const titleOf = (walk: Walk, value: unknown): string | undefined => {
  const found = walk.resolve('benefits', value)
  return found ? text(found.doc.title) : undefined
}

const UNIT_FOR_CHART: Record<string, DetectedStatistic['unit'] | undefined> = {
  percent: 'percent',
  ratio: 'ratio',
  multiplier: 'multiplier',
  count: 'count',
  points: 'points',
}

interface BlockAt extends At {
  /** The block's name in the admin, when the editor gave one. */
  label: string | undefined
  index: number
}

/** A plain field of a block: `field` under the block's field path, readable `path`. */
const field = (at: BlockAt, name: string, path: string[]): At => ({
  path,
  fieldPath: `${at.fieldPath}.${name}`,
  schema: `${at.schema}${name}`,
})

/**
 * What each layout block shows. Keyed by every block type of the generated `Article['layout']`
 * union: a new block fails the type-check until it is declared here. Every text field a reader
 * sees is visited (`tests/unit/content-fields.test.ts` enumerates the schema to keep it so).
 */
const BLOCKS: { [K in LayoutBlockType]: (walk: Walk, block: BlockOf<K>, at: BlockAt) => void } = {
  benefit: (walk, block, at) => {
    walk.benefit(
      block.benefit,
      { path: ['Benefits'], fieldPath: `${at.fieldPath}.benefit`, schema: '' },
      block.showTips !== false,
    )
  },
  clinicalClaim: (walk, block) => {
    walk.claims(block.claim, block)
  },
  aftercareTips: (walk, block, at) => {
    const label = text(block.heading) ?? at.label ?? 'Aftercare tips'
    walk.plain(block.heading, field(at, 'heading', [label, 'Heading']), 'content')
    walk.plain(block.intro, field(at, 'intro', [label, 'Intro']), 'content')
    for (const tip of Array.isArray(block.tips) ? block.tips : []) {
      walk.tip(tip, { path: [label], fieldPath: `${at.fieldPath}.tips`, schema: '' })
    }
  },
  comparisonTable: (walk, block, at) => {
    const label = text(block.heading) ?? at.label ?? 'Comparison table'
    walk.plain(block.heading, field(at, 'heading', [label, 'Heading']), 'content')
    for (const column of Array.isArray(block.columns) ? block.columns : []) {
      walk.benefit(
        column,
        { path: [label, 'Columns'], fieldPath: `${at.fieldPath}.columns`, schema: '' },
        false,
      )
    }
    const rows = Array.isArray(block.rows) ? block.rows : []
    rows.forEach((row, index) =>
      walk.row(row, { path: [label], fieldPath: `${at.fieldPath}.rows.${index}`, schema: '' }),
    )
  },
  chart: (walk, block, at) => {
    const label = text(block.title) ?? at.label ?? 'Chart'
    walk.plain(block.title, field(at, 'title', ['Chart', label, 'Title']), 'content')
    walk.plain(block.caption, field(at, 'caption', ['Chart', label, 'Caption']), 'content')
    const unit = UNIT_FOR_CHART[text(block.unit) ?? 'percent']
    docs<NonNullable<BlockOf<'chart'>['points']>[number]>(block.points).forEach((point, index) => {
      const pointLabel = text(point.label) ?? `Point ${index + 1}`
      const pointAt = {
        path: ['Chart', label, pointLabel],
        fieldPath: `${at.fieldPath}.points.${index}`,
        schema: `${at.schema}points.`,
      }
      walk.plain(point.label, under(pointAt, 'Label', 'label'), { claims: point.claim })
      if (typeof point.value === 'number' && unit) {
        const shown = unit === 'percent' ? `${point.value}%` : String(point.value)
        walk.visitor.dataPoint?.({
          statistic: {
            text: shown,
            start: 0,
            end: shown.length,
            kind: 'measure',
            value: point.value,
            unit,
          },
          path: pointAt.path,
          fieldPath: `${pointAt.fieldPath}.value`,
          claimIds: relationIds(point.claim),
        })
      }
      walk.claims(point.claim, point)
    })
  },
  richText: (walk, block, at) => {
    walk.rich(block.content, field(at, 'content', [at.label ?? `Text (block ${at.index + 1})`]))
  },
  quote: (walk, block, at) => {
    walk.plain(block.text, field(at, 'text', ['Quote']), 'content')
    walk.plain(block.attribution, field(at, 'attribution', ['Quote', 'Attribution']), 'content')
  },
  keyTakeaways: (walk, block, at) => {
    const heading = text(block.heading) ?? at.label ?? 'Key takeaways'
    walk.plain(block.heading, field(at, 'heading', [heading, 'Heading']), 'content')
    walk.plain(block.intro, field(at, 'intro', [heading, 'Intro']), 'content')
    docs<NonNullable<BlockOf<'keyTakeaways'>['items']>[number]>(block.items).forEach(
      (item, itemIndex) => {
        const itemAt = {
          path: [heading, text(item.title) ?? `Item ${itemIndex + 1}`],
          fieldPath: `${at.fieldPath}.items.${itemIndex}`,
          schema: `${at.schema}items.`,
        }
        walk.plain(item.title, under(itemAt, 'Title', 'title'), 'content')
        walk.plain(item.text, { ...under(itemAt, 'Text', 'text'), path: itemAt.path }, 'content')
        docs<{ text?: unknown }>(item.points).forEach((point, pointIndex) =>
          walk.plain(
            point.text,
            {
              path: itemAt.path,
              fieldPath: `${itemAt.fieldPath}.points.${pointIndex}.text`,
              schema: `${itemAt.schema}points.text`,
            },
            'content',
          ),
        )
      },
    )
  },
  callToAction: (walk, block, at) => {
    const label = text(block.heading) ?? at.label ?? 'Call to action'
    walk.plain(block.heading, field(at, 'heading', [label, 'Heading']), 'content')
    walk.plain(block.text, field(at, 'text', [label]), 'content')
    walk.plain(block.label, field(at, 'label', [label, 'Button']), 'content')
  },
}

function walkBlock(walk: Walk, block: LayoutBlock, index: number): void {
  const visit = BLOCKS[block.blockType] as
    | ((walk: Walk, block: LayoutBlock, at: BlockAt) => void)
    | undefined
  // A block type this version does not know (old data, a hand-made request): nothing to show.
  if (!visit) {
    return
  }
  visit(walk, block, {
    path: [],
    fieldPath: `layout.${index}`,
    schema: `articles:layout.${block.blockType}.`,
    label: text(block.blockName),
    index,
  })
}

/**
 * Walks an article in reading order: title, byline, excerpt, SEO, hero image, intro, each layout
 * block, conclusion.
 */
export function walkArticle(
  article: ArticleContent,
  library: Library,
  visitor: ContentVisitor,
): void {
  const walk = new Walk(library, visitor)
  const at = (name: string, path: string[]): At => ({
    path,
    fieldPath: name,
    schema: `articles:${name}`,
  })
  walk.plain(article.title, at('title', ['Title']), 'content')
  walk.plain(article.author, at('author', ['Author']), 'content')
  walk.plain(article.excerpt, at('excerpt', ['Excerpt']), 'content')
  walk.plain(article.seo?.metaTitle, at('seo.metaTitle', ['SEO', 'Meta title']), 'content')
  walk.plain(
    article.seo?.metaDescription,
    at('seo.metaDescription', ['SEO', 'Meta description']),
    'content',
  )
  if (article.heroImage !== undefined && article.heroImage !== null) {
    walk.media(article.heroImage, at('heroImage', ['Hero image']))
  }
  walk.rich(article.intro, at('intro', ['Intro']))
  docs<LayoutBlock>(article.layout).forEach((block, index) => walkBlock(walk, block, index))
  walk.rich(article.conclusion, at('conclusion', ['Conclusion']))
}

/** The collections whose documents are walked on their own when they are saved. */
export type StandaloneKind = Exclude<LoadedKind, 'media'>

/**
 * Walks one benefit, tip or comparison row on its own — its own fields, as its evidence is
 * recorded when it is saved. What it shows as part of an article is walked by {@link walkArticle}.
 */
export function walkDocument(
  kind: StandaloneKind,
  doc: Doc,
  library: Library,
  visitor: ContentVisitor,
): void {
  const walk = new Walk(library, visitor)
  if (kind === 'benefits') {
    benefitFields(walk, doc, {
      path: [text(doc.title) ?? 'Benefit'],
      fieldPath: '',
      schema: 'benefits:',
    })
  } else if (kind === 'tips') {
    tipFields(walk, doc, {
      path: [text(doc.title) ?? 'Aftercare tip'],
      fieldPath: '',
      schema: 'aftercare-tips:',
    })
  } else {
    rowFields(walk, doc, { path: [], fieldPath: '', schema: 'comparison-rows:' })
  }
}

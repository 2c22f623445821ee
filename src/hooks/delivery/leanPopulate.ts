import type { CollectionAfterReadHook } from 'payload'

type Doc = Record<string, unknown>

const isDoc = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A populated benefit as a comparison table shows it — a column header, the column a cell sits
 * in: its id and title. Ids (not populated) stay as they are.
 */
function benefitLabel(value: unknown): unknown {
  if (!isDoc(value)) {
    return value
  }
  return 'title' in value ? { id: value.id, title: value.title } : { id: value.id }
}

function leanRow(row: unknown): unknown {
  if (!isDoc(row) || !Array.isArray(row.cells)) {
    return row
  }
  return {
    ...row,
    cells: row.cells.map((cell) =>
      isDoc(cell) ? { ...cell, benefit: benefitLabel(cell.benefit) } : cell,
    ),
  }
}

function leanBlock(block: unknown): unknown {
  if (!isDoc(block) || block.blockType !== 'comparisonTable') {
    return block
  }
  return {
    ...block,
    ...(Array.isArray(block.columns) ? { columns: block.columns.map(benefitLabel) } : {}),
    ...(Array.isArray(block.rows) ? { rows: block.rows.map(leanRow) } : {}),
  }
}

/**
 * `afterRead` of articles, after `addReferences`: a frontend's read carries, in each
 * relationship, what a page renders there.
 *
 * Collections' `defaultPopulate` already give a populated document the fields a page shows of it
 * (Benefits, Claims, AftercareTips, ComparisonRows). But `defaultPopulate` (like the `populate`
 * argument) is per collection, and a benefit is shown whole by a benefit block yet only as a
 * label by a comparison table: its columns and each cell's benefit. Payload has no per-field
 * selection, so this trims those to `{ id, title }` — they were the bulk of the page read (the
 * full benefit, rich text and tips included, 8 columns and 40 cells in the demo article).
 *
 * Only for anonymous reads (frontends, the published snapshots), never trusted ones
 * (`overrideAccess`) nor logged-in ones (editors, the admin), and not when the request chose its
 * own `populate`. The walks over an article (`addReferences`, the evidence check, the public sets)
 * run before this or on their own depth-0 reads, so they see the whole content. GraphQL resolves
 * relationships itself (the article is read at depth 0): its answers do not change.
 */
export const leanPopulate: CollectionAfterReadHook = ({ doc, overrideAccess, req }) => {
  if (overrideAccess === true || req.user) {
    return doc
  }
  if (isDoc(req.query) && req.query.populate !== undefined) {
    return doc
  }
  if (!isDoc(doc) || !Array.isArray(doc.layout)) {
    return doc
  }
  if (!doc.layout.some((block) => isDoc(block) && block.blockType === 'comparisonTable')) {
    return doc
  }
  return { ...doc, layout: doc.layout.map(leanBlock) }
}

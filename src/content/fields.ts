/**
 * Every text-bearing field (text, textarea, rich text, select, JSON) of an article and of what an
 * article shows is either visited by the content graph — and so checked for statistics — or
 * exempt here, with the reason next to it. `tests/unit/content-fields.test.ts` enumerates the
 * sanitised Payload config and fails on a field that is neither, so a new field cannot be forgotten.
 *
 * Keys are `<collection>:<path>`, blocks as `layout.<blockType>.<field>`; `*` stands for one segment.
 */

const OPTION =
  'an option label fixed by the schema, not typed by editors (none states a statistic: the test checks)'
const ROW_ID = 'the id Payload gives a row or block'
const BLOCK_NAME = 'the name an editor gives a block in the admin; readers never see it'
const EVIDENCE = 'the evidence report itself, for editors only (anonymous readers cannot read it)'
const DERIVED =
  'derived from the cited sources when the article goes live, never typed by an editor'
const FILE = 'file metadata Payload writes for an upload'
const BIBLIOGRAPHY =
  'bibliographic data of the cited work, reproduced as published (a title may well hold numbers)'

export const EXEMPT_FIELDS: Readonly<Record<string, string>> = {
  'articles:slug': 'part of the URL, made from the title (which is checked)',
  'articles:_status': OPTION,
  'articles:evidence.uncovered': EVIDENCE,
  'articles:layout.*.id': ROW_ID,
  'articles:layout.*.blockName': BLOCK_NAME,
  'articles:layout.clinicalClaim.display': OPTION,
  'articles:layout.chart.kind': OPTION,
  'articles:layout.chart.unit': OPTION,
  'articles:layout.chart.points.id': ROW_ID,
  'articles:layout.keyTakeaways.style': OPTION,
  'articles:layout.keyTakeaways.items.id': ROW_ID,
  'articles:layout.keyTakeaways.items.points.id': ROW_ID,
  'articles:layout.callToAction.url': 'a link target, not prose',
  'articles:references.*': DERIVED,
  'articles:references.links.*': DERIVED,
  'articles:claimReferences.*': DERIVED,
  'benefits:evidence.uncovered': EVIDENCE,
  'aftercare-tips:timing': OPTION,
  'aftercare-tips:category': OPTION,
  'aftercare-tips:evidence.uncovered': EVIDENCE,
  'comparison-rows:icon': 'an emoji or an icon name',
  'comparison-rows:cells.rating': OPTION,
  'comparison-rows:cells.id': ROW_ID,
  'comparison-rows:evidence.uncovered': EVIDENCE,
  'media:url': FILE,
  'media:thumbnailURL': FILE,
  'media:filename': FILE,
  'media:mimeType': FILE,
  'media:sizes.*.*': FILE,
  'claims:statement':
    'checked by the claim’s own rule: every statistic it states is one of the claim’s statistic rows (content/claimStatement.ts)',
  'claims:attribution':
    'checked by the claim’s own rule, as the statement is (content/claimStatement.ts)',
  'claims:statistics.unit': OPTION,
  'claims:statistics.qualifier': OPTION,
  'claims:statistics.measure': 'names what the claim’s own statistic row measures',
  'claims:statistics.population': 'names who the claim’s own statistic row is about',
  'claims:statistics.locator': 'where in the source the number stands (page, table, quote)',
  'claims:statistics.id': ROW_ID,
  'claims:topic': 'a label of the claims library, for editors',
  'claims:review.status': OPTION,
  'claims:review.note': 'the reviewer’s note, never shown to readers',
  'claims:evidence.uncovered': EVIDENCE,
  'claims:_status': OPTION,
  'sources:*': BIBLIOGRAPHY,
  'sources:authors.*': BIBLIOGRAPHY,
}

/** The exemption of a schema path, if any (`*` matches one segment). */
export function exemptionOf(schemaPath: string): string | undefined {
  const exact = EXEMPT_FIELDS[schemaPath]
  if (exact) {
    return exact
  }
  const [collection, path = ''] = schemaPath.split(':')
  const segments = path.split('.')
  for (const [pattern, reason] of Object.entries(EXEMPT_FIELDS)) {
    const [patternCollection, patternPath = ''] = pattern.split(':')
    if (patternCollection !== collection) {
      continue
    }
    const parts = patternPath.split('.')
    if (
      parts.length === segments.length &&
      parts.every((part, index) => part === '*' || part === segments[index])
    ) {
      return reason
    }
  }
  return undefined
}

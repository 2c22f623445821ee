/**
 * A claim's own evidence — pure, no Payload import: every statistic its statement (and
 * attribution) states is one of its statistic rows, every row is stated, and every row cites a
 * source. The claims' `beforeChange` (`hooks/evidence/checkStatement.ts`), the review workflow
 * (submit and approve) and the admin's live evidence check all ask it.
 */
import type { EvidenceIssue } from './checks'

import { detectStatistics } from '../evidence/detect'
import { describeStatistic, statisticMatches } from '../evidence/match'

interface StatisticRow {
  value?: null | number
  upper?: null | number
  unit?: null | string
  sources?: unknown
}

const rowLabel = (row: StatisticRow, index: number): string =>
  typeof row.value === 'number'
    ? `Statistic ${index + 1} (${describeStatistic({ value: row.value, upper: row.upper, unit: row.unit })})`
    : `Statistic ${index + 1}`

/** The problems of a claim's own evidence (its data as it will be saved). Pure. */
export function claimStatementIssues(merged: Record<string, unknown>): EvidenceIssue[] {
  const statement = typeof merged.statement === 'string' ? merged.statement : ''
  // Rows as sent: the live evidence check passes unsaved form data, so skip anything not a row.
  const rows: StatisticRow[] = Array.isArray(merged.statistics)
    ? merged.statistics.filter(
        (row: unknown): row is StatisticRow => typeof row === 'object' && row !== null,
      )
    : []
  const issues: EvidenceIssue[] = []

  const withValues = rows.filter(
    (row): row is StatisticRow & { value: number } => typeof row.value === 'number',
  )
  // The attribution is text readers see with the claim ("Cleveland Clinic: 70% improved"), so
  // it is held to the statement's rule.
  const attribution = typeof merged.attribution === 'string' ? merged.attribution : ''
  const texts = [
    { text: statement, where: 'the statement', path: 'Statement', fieldPath: 'statistics' },
    { text: attribution, where: 'the attribution', path: 'Attribution', fieldPath: 'attribution' },
  ]
  for (const { text, where, path, fieldPath } of texts) {
    for (const statistic of detectStatistics(text)) {
      if (withValues.some((row) => statisticMatches(statistic, row))) {
        continue
      }
      issues.push({
        text: statistic.text,
        sentence: text,
        path,
        fieldPath,
        reason: 'uncovered',
        message: `"${statistic.text}" in ${where} is not one of this claim's statistics. Add a statistic row for it (value ${statistic.value}${statistic.upper !== undefined ? `, upper ${statistic.upper}` : ''}, unit ${statistic.unit}).`,
      })
    }
  }
  // And the other way: a row states a number readers of the statement never see.
  const stated = texts.flatMap(({ text }) => detectStatistics(text))
  rows.forEach((row, index) => {
    if (
      typeof row.value !== 'number' ||
      stated.some((statistic) =>
        statisticMatches(statistic, row as StatisticRow & { value: number }),
      )
    ) {
      return
    }
    issues.push({
      text: rowLabel(row, index),
      sentence: statement,
      path: `Statistics › ${rowLabel(row, index)}`,
      fieldPath: `statistics.${index}.value`,
      reason: 'mismatch',
      message: `${rowLabel(row, index)} is not stated in the claim's statement or attribution. Say it in the statement, or remove the row.`,
    })
  })
  rows.forEach((row, index) => {
    const sources = Array.isArray(row.sources) ? row.sources : []
    if (sources.length > 0) {
      return
    }
    issues.push({
      text: rowLabel(row, index),
      sentence: statement,
      path: `Statistics › ${rowLabel(row, index)}`,
      fieldPath: `statistics.${index}.sources`,
      reason: 'uncovered',
      message: `${rowLabel(row, index)} has no source. Add the source that reports it before the claim can be approved.`,
    })
  })
  return issues
}

import React from 'react'

import type { Claim, ClinicalClaimBlock as ClinicalClaimBlockData } from '../../types/generated'

import { Citation } from '../ClaimRef/Component'
import { populated } from '../populated'

type Statistic = NonNullable<Claim['statistics']>[number]

const UNIT_SUFFIX: Record<string, string> = { percent: '%', multiplier: '×', points: ' points' }

/** The headline number of a stat card: "70%", "40–60%", "2×". */
function headline(statistic: Statistic | undefined): string | undefined {
  if (!statistic || typeof statistic.value !== 'number') {
    return undefined
  }
  const suffix = UNIT_SUFFIX[statistic.unit ?? ''] ?? ''
  const range =
    typeof statistic.upper === 'number'
      ? `${statistic.value}–${statistic.upper}`
      : String(statistic.value)
  return `${range}${suffix}`
}

/** A reviewed claim as a callout, a stat card or an inline sentence, with its citation. */
export function ClinicalClaimBlockComponent({
  block,
}: {
  block: ClinicalClaimBlockData
}): React.ReactNode {
  const claim = populated<Claim>(block.claim)
  if (!claim) {
    return null
  }
  const statement = (
    <>
      {claim.statement}
      <Citation numbers={block.referenceNumbers} />
    </>
  )
  const attribution = claim.attribution ? (
    <footer className="attribution">— {claim.attribution}</footer>
  ) : null
  if (block.display === 'inline') {
    return <p className="block block-claim claim-inline">{statement}</p>
  }
  if (block.display === 'stat-card') {
    const number = headline(claim.statistics?.[0])
    return (
      <figure className="block block-claim claim-stat-card">
        {number ? (
          <div className="stat-number" aria-hidden="true">
            {number}
          </div>
        ) : null}
        <figcaption>
          {statement}
          {attribution}
        </figcaption>
      </figure>
    )
  }
  return (
    <aside className="block block-claim claim-callout" aria-label="Clinical finding">
      <p>{statement}</p>
      {attribution}
    </aside>
  )
}

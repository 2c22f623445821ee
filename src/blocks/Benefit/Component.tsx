import React from 'react'

import type { AftercareTip, Benefit, BenefitBlock as BenefitBlockData } from '../../types/generated'

import { TipList } from '../AftercareTips/Component'
import { Citation } from '../ClaimRef/Component'
import { idOf, populated, populatedList } from '../populated'
import { CitedRichText } from '../RichText/Component'

/** Reference numbers of a claim in the article being rendered. */
export type NumbersOf = (claim: unknown) => number[]

/** A benefit: summary, how it works, the clinical perspective, its claims and aftercare tips. */
export function BenefitBlockComponent({
  block,
  numbersOf,
}: {
  block: BenefitBlockData
  numbersOf: NumbersOf
}): React.ReactNode {
  const benefit = populated<Benefit>(block.benefit)
  if (!benefit) {
    return null
  }
  const claims = populatedList(benefit.claims)
  const tips = block.showTips === false ? [] : populatedList<AftercareTip>(benefit.aftercareTips)
  return (
    <section className="block block-benefit" aria-labelledby={`benefit-${benefit.id}`}>
      <h2 id={`benefit-${benefit.id}`}>{benefit.title}</h2>
      {benefit.summary ? <p className="summary">{benefit.summary}</p> : null}
      {benefit.howItWorks ? (
        <>
          <h3>How it works</h3>
          <CitedRichText data={benefit.howItWorks} />
        </>
      ) : null}
      {benefit.clinicalPerspective ? (
        <aside className="clinical-perspective" aria-label="Clinical perspective">
          <h3>Clinical perspective</h3>
          <CitedRichText data={benefit.clinicalPerspective} />
        </aside>
      ) : null}
      {claims.length > 0 ? (
        <ul className="claims">
          {claims.map((claim) => (
            <li key={claim.id}>
              {claim.statement}
              <Citation numbers={numbersOf(idOf(claim))} />
            </li>
          ))}
        </ul>
      ) : null}
      {tips.length > 0 ? (
        <>
          <h3>Aftercare</h3>
          <TipList tips={tips} />
        </>
      ) : null}
    </section>
  )
}

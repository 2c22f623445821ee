import React from 'react'

import type {
  AftercareTip,
  AftercareTipsBlock as AftercareTipsBlockData,
} from '../../types/generated'

import { TIP_TIMINGS } from '../../fields/tipOptions'
import { populatedList } from '../populated'

const timingLabel = (value: AftercareTip['timing']): string | undefined =>
  TIP_TIMINGS.find((timing) => timing.value === value)?.label

export function TipList({ tips }: { tips: AftercareTip[] }): React.ReactNode {
  return (
    <ul className="tips">
      {tips.map((tip) => (
        <li key={tip.id} className={`tip tip-${tip.category ?? 'general'}`}>
          <strong>{tip.title}</strong>
          {tip.timing ? <span className="tip-timing"> · {timingLabel(tip.timing)}</span> : null}
          <p>{tip.instruction}</p>
          {tip.caution ? (
            <p className="tip-caution">
              <span className="label">Caution:</span> {tip.caution}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export function AftercareTipsBlockComponent({
  block,
}: {
  block: AftercareTipsBlockData
}): React.ReactNode {
  const tips = populatedList(block.tips)
  return (
    <section className="block block-tips">
      {block.heading ? <h2>{block.heading}</h2> : null}
      {block.intro ? <p>{block.intro}</p> : null}
      <TipList tips={tips} />
    </section>
  )
}

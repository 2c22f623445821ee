import React from 'react'

import type { CallToActionBlock as CallToActionBlockData } from '../../types/generated'

export function CallToActionBlockComponent({
  block,
}: {
  block: CallToActionBlockData
}): React.ReactNode {
  return (
    <section className="block block-cta">
      {block.heading ? <h2>{block.heading}</h2> : null}
      <p>{block.text}</p>
      {block.url && block.label ? (
        <a className="button" href={block.url}>
          {block.label}
        </a>
      ) : null}
    </section>
  )
}

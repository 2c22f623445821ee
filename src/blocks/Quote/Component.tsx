import React from 'react'

import type { QuoteBlock as QuoteBlockData } from '../../types/generated'

export function QuoteBlockComponent({ block }: { block: QuoteBlockData }): React.ReactNode {
  return (
    <figure className="block block-quote">
      <blockquote>
        <p>{block.text}</p>
      </blockquote>
      {block.attribution ? <figcaption>— {block.attribution}</figcaption> : null}
    </figure>
  )
}

import React from 'react'

import type { QuoteBlock as QuoteBlockData } from '../../../payload-types'

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

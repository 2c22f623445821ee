import React from 'react'

import type { KeyTakeawaysBlock as KeyTakeawaysBlockData } from '../../types/generated'

/** Key takeaways (bullets) or next steps (numbered), each with optional text and points. */
export function KeyTakeawaysBlockComponent({
  block,
}: {
  block: KeyTakeawaysBlockData
}): React.ReactNode {
  const List = block.style === 'steps' ? 'ol' : 'ul'
  return (
    <section className="block block-takeaways">
      {block.heading ? <h2>{block.heading}</h2> : null}
      {block.intro ? <p>{block.intro}</p> : null}
      <List>
        {(block.items ?? []).map((item, index) => (
          <li key={item.id ?? index}>
            <strong>{item.title}</strong>
            {item.text ? <p>{item.text}</p> : null}
            {item.points && item.points.length > 0 ? (
              <ul>
                {item.points.map((point, p) => (
                  <li key={point.id ?? p}>{point.text}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </List>
    </section>
  )
}

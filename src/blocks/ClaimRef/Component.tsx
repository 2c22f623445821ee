import React from 'react'

/**
 * A citation: superscript reference numbers, each linking to its entry (`#ref-<n>`) in the
 * article's numbered reference list. Renders nothing for a claim that cites no readable source.
 */
export function Citation({ numbers }: { numbers?: number[] | null }): React.ReactNode {
  if (!numbers || numbers.length === 0) {
    return null
  }
  return (
    <sup className="citation">
      {numbers.map((number, index) => (
        <React.Fragment key={number}>
          {index > 0 ? ',' : null}
          <a href={`#ref-${number}`} aria-label={`Reference ${number}`}>
            {number}
          </a>
        </React.Fragment>
      ))}
    </sup>
  )
}

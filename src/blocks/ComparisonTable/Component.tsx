import React from 'react'

import type {
  Benefit,
  ComparisonRow,
  ComparisonTableBlock as ComparisonTableBlockData,
} from '../../types/generated'

import { Citation } from '../ClaimRef/Component'
import { idOf, populatedList } from '../populated'

type Cell = NonNullable<ComparisonRow['cells']>[number]

const LEVELS: Record<string, number> = { low: 1, medium: 2, high: 3 }

/** A rating as three dots, with its word for screen readers. */
function Rating({ rating }: { rating: Cell['rating'] }): React.ReactNode {
  if (!rating) {
    return null
  }
  const level = LEVELS[rating] ?? 0
  return (
    <span className={`rating rating-${rating}`}>
      <span aria-hidden="true">
        {'●'.repeat(level)}
        {'○'.repeat(3 - level)}
      </span>
      <span className="visually-hidden">Rating: {rating}</span>
    </span>
  )
}

/** Aspects (rows) × benefits (columns); each cell rated, with its text and citation. */
export function ComparisonTableBlockComponent({
  block,
}: {
  block: ComparisonTableBlockData
}): React.ReactNode {
  const columns = populatedList<Benefit>(block.columns)
  const rows = populatedList<ComparisonRow>(block.rows)
  return (
    <section className="block block-table">
      {block.heading ? <h2>{block.heading}</h2> : null}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Aspect</th>
              {columns.map((benefit) => (
                <th scope="col" key={benefit.id}>
                  {benefit.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {row.icon ? <span aria-hidden="true">{row.icon} </span> : null}
                  {row.aspect}
                </th>
                {columns.map((benefit) => {
                  const cell = row.cells?.find(
                    (candidate) => idOf(candidate.benefit) === String(benefit.id),
                  )
                  return (
                    <td key={benefit.id}>
                      {cell ? (
                        <>
                          <Rating rating={cell.rating} />
                          {cell.text ? <span className="cell-text"> {cell.text}</span> : null}
                          <Citation numbers={cell.referenceNumbers} />
                        </>
                      ) : (
                        <span className="visually-hidden">No data</span>
                      )}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

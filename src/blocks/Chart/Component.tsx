import React from 'react'

import type { ChartBlock as ChartBlockData } from '../../types/generated'

const UNIT_SUFFIX: Record<string, string> = {
  percent: '%',
  multiplier: '×',
  points: ' points',
  duration: '',
}

const BAR_HEIGHT = 28
const GAP = 12
const LABEL_WIDTH = 160
const PLOT_WIDTH = 360
const VALUE_WIDTH = 90

/**
 * A horizontal bar chart as accessible SVG: `role="img"` with a title and a description that
 * reads every bar's value and reference numbers; each bar shows its value and links its citation
 * to the reference list.
 */
export function ChartBlockComponent({ block }: { block: ChartBlockData }): React.ReactNode {
  const points = block.points ?? []
  if (points.length === 0) {
    return null
  }
  const suffix = UNIT_SUFFIX[block.unit ?? 'percent'] ?? ''
  const max = block.unit === 'percent' ? 100 : Math.max(...points.map((point) => point.value), 1)
  const height = points.length * (BAR_HEIGHT + GAP)
  const width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
  const id = `chart-${block.id ?? 'block'}`
  const cites = (numbers: number[] | null | undefined) =>
    numbers && numbers.length > 0 ? ` (reference ${numbers.join(', ')})` : ''
  const description = [
    block.caption,
    ...points.map(
      (point) => `${point.label}: ${point.value}${suffix}${cites(point.referenceNumbers)}.`,
    ),
  ]
    .filter(Boolean)
    .join(' ')

  return (
    <figure className="block block-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
      >
        <title id={`${id}-title`}>{block.title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {points.map((point, index) => {
          const y = index * (BAR_HEIGHT + GAP)
          const barWidth = Math.max(2, (Math.min(point.value, max) / max) * PLOT_WIDTH)
          const numbers = point.referenceNumbers ?? []
          return (
            <g key={point.id ?? index} className="bar">
              <text
                x={LABEL_WIDTH - 8}
                y={y + BAR_HEIGHT / 2}
                textAnchor="end"
                dominantBaseline="middle"
              >
                {point.label}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={barWidth} height={BAR_HEIGHT} rx={3} />
              <text
                x={LABEL_WIDTH + barWidth + 6}
                y={y + BAR_HEIGHT / 2}
                dominantBaseline="middle"
                className="bar-value"
              >
                {point.value}
                {suffix}
                {numbers.map((number, n) => (
                  <a key={number} href={`#ref-${number}`}>
                    <tspan className="bar-citation" dy={n === 0 ? -6 : 0} fontSize="0.7em">
                      {n === 0 ? ' ' : ','}
                      {number}
                    </tspan>
                  </a>
                ))}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption>
        <strong>{block.title}</strong>
        {block.caption ? <span> — {block.caption}</span> : null}
      </figcaption>
    </figure>
  )
}

/**
 * The part of autocannon's programmatic API the load benchmark uses, typed here (the package
 * ships no types). See node_modules/autocannon/README.md, "API" and "Results".
 */
import { createRequire } from 'node:module'

export interface Histogram {
  average: number
  mean: number
  min: number
  max: number
  total: number
  p50: number
  p90: number
  p99: number
}

export interface AutocannonResult {
  requests: Histogram
  latency: Histogram
  duration: number
  errors: number
  timeouts: number
  non2xx: number
  mismatches: number
  statusCodeStats: Record<string, { count: number }>
  '1xx': number
  '2xx': number
  '3xx': number
  '4xx': number
  '5xx': number
}

export interface AutocannonOptions {
  url: string
  connections: number
  duration: number
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  /** Seconds before a request counts as a timeout (autocannon's default is 10). */
  timeout?: number
}

interface Instance {
  on(event: 'done', listener: (result: AutocannonResult) => void): void
  on(event: 'error', listener: (error: Error) => void): void
  stop(): void
}

type Autocannon = (
  options: AutocannonOptions,
  callback: (error: Error | null, result: AutocannonResult) => void,
) => Instance

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

let running: Instance | undefined

/** One autocannon run; resolves with its results. */
export function cannon(options: AutocannonOptions): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    running = autocannon(options, (error, result) => {
      running = undefined
      if (error) {
        reject(error)
      } else {
        resolve(result)
      }
    })
  })
}

/** Stops the run in progress, if any (Ctrl-C). */
export function stopCannon(): void {
  running?.stop()
}

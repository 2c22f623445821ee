/**
 * Throughput benchmark for `detectStatistics`.
 *
 *   node --import tsx scripts/bench-detect.ts [sizeMB]
 *
 * Generates a deterministic (seeded) health article of realistic prose — headings, list
 * numbers, bullet instructions (durations, doses, schedules, prices, phone numbers,
 * dates), statistic-bearing sentences (percentages, proportions in words and digits,
 * multipliers, score changes, counts, p-values, CIs) and a pipe table — then times the
 * detector over the whole text after a warm-up and prints MB/s, ms per MB and a
 * PASS/FAIL line against the target: 1 MB in < 100 ms.
 */
import { performance } from 'node:perf_hooks'

import { detectStatistics } from '../src/evidence/detect'

const TARGET_MS_PER_MB = 100
const SIZE_MB = Number(process.argv[2] ?? '5')
const WARMUP_RUNS = 3
const RUNS = 7

/** mulberry32: small deterministic PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let x = Math.imul(a ^ (a >>> 15), 1 | a)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

const rand = rng(20240611)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1))
const dec = (lo: number, hi: number): string => (lo + rand() * (hi - lo)).toFixed(1)

const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
const PEOPLE = [
  'patients',
  'adults',
  'participants',
  'women',
  'men',
  'respondents',
  'older adults',
  'volunteers',
]
const OUTCOMES = [
  'pain',
  'stiffness',
  'sleep quality',
  'anxiety',
  'disability',
  'inflammation',
  'mobility',
  'fatigue',
]
const TREATMENTS = [
  'acupuncture',
  'massage',
  'physical therapy',
  'yoga',
  'cupping',
  'herbal medicine',
  'exercise',
]
const CLINICS = [
  'the Cleveland Clinic',
  'the Mayo Clinic',
  'a Harvard team',
  'researchers in Germany',
  'the VA health system',
]

const prose: Array<() => string> = [
  () =>
    `Back pain is more than a physical ailment; it is a persistent disruption that can profoundly impact work, leisure and overall well-being.`,
  () =>
    `Many people are seeking a more holistic and sustainable path to recovery, and ${pick(TREATMENTS)} offers one such path.`,
  () =>
    `By stimulating specific points, ${pick(TREATMENTS)} encourages the release of endorphins, the body's natural painkillers.`,
  () =>
    `This process offers a powerful alternative to medications that often come with side effects and dependency risks.`,
  () =>
    `Chronic ${pick(OUTCOMES)} is often fuelled by persistent inflammation, which can damage tissues and prolong discomfort.`,
  () =>
    `Understanding these benefits is the first step toward lasting relief, and one of the most important decisions you will make.`,
  () =>
    `Work with your practitioner to identify your primary triggers and develop coping strategies between sessions.`,
  () =>
    `At our clinic we integrate traditional wisdom with modern techniques to create personalised treatment plans.`,
]
const instructions: Array<() => string> = [
  () =>
    `Begin with ${pick(WORDS)} to ${pick(WORDS)} sessions per week to build therapeutic momentum.`,
  () => `Avoid strenuous activities or heavy lifting for ${int(12, 48)} hours after a session.`,
  () => `Use a warm compress for ${int(10, 15)}-${int(20, 30)} minutes later in the day.`,
  () => `Take ${int(1, 4) * 100} mg of magnesium twice daily with food.`,
  () => `Hold each stretch for ${int(10, 60)} seconds and repeat it ${int(2, 5)} times.`,
  () => `Do ${int(2, 4)} sets of ${int(8, 15)} reps, once or twice a week.`,
  () =>
    `An initial consultation costs $${int(60, 180)} and includes a ${int(30, 90)}-minute session.`,
  () =>
    `Call us at ${int(200, 999)}-555-${int(1000, 9999)} to book, or visit us on March ${int(1, 28)}, ${int(2015, 2024)}.`,
  () =>
    `Suitable for adults aged ${int(18, 30)} to ${int(60, 80)}; children under ${int(10, 16)} need a guardian.`,
  () =>
    `Commit to a consistent schedule for at least ${pick(WORDS)} to ${pick(WORDS)} weeks, then once a month.`,
  () => `The clinic opened in ${int(1990, 2012)} and moved to a larger site in ${int(2013, 2024)}.`,
]
const statistics: Array<() => string> = [
  () =>
    `${pick(CLINICS)} reports that ${int(20, 90)}% of their ${pick(PEOPLE)} experience significant, lasting improvement.`,
  () =>
    `Roughly ${int(20, 80)} percent of ${pick(PEOPLE)} reported less ${pick(OUTCOMES)} after ${pick(WORDS)} weeks.`,
  () =>
    `${pick(['Seven', 'Eight', 'Six', 'Nine'])} in ten ${pick(PEOPLE)} said they would recommend the treatment.`,
  () => `About 1 in ${int(2, 9)} ${pick(PEOPLE)} will experience ${pick(OUTCOMES)} this year.`,
  () =>
    `Half of the ${pick(PEOPLE)} in the trial stopped taking painkillers, and nearly two-thirds slept better.`,
  () =>
    `${pick(PEOPLE).replace(/^./, (c) => c.toUpperCase())} were twice as likely to return to work, and recovered ${int(2, 5)}x faster.`,
  () =>
    `${pick(OUTCOMES).replace(/^./, (c) => c.toUpperCase())} scores dropped from ${dec(5, 9)} to ${dec(1, 4)} on a 10-point scale.`,
  () =>
    `The trial enrolled ${int(1, 9)},${int(100, 999)} ${pick(PEOPLE)} across ${int(10, 400)} practices (p < 0.0${int(1, 5)}).`,
  () =>
    `Some studies show up to a ${int(20, 70)}% improvement in ${pick(OUTCOMES)} and a ${pick(['threefold', 'fourfold', '2.5-fold'])} drop in flare-ups.`,
  () =>
    `The odds ratio was ${dec(1, 3)} (95% CI ${dec(0.5, 1)} to ${dec(3, 5)}), and the number needed to treat was ${int(3, 12)}.`,
  () =>
    `Disability scores improved by ${dec(2, 6)} points, compared with ${dec(0.5, 2)} points for usual care.`,
]

function paragraph(): string {
  const out: string[] = []
  const n = int(3, 7)
  for (let k = 0; k < n; k++) {
    const r = rand()
    out.push((r < 0.55 ? pick(prose) : r < 0.8 ? pick(statistics) : pick(instructions))())
  }
  return out.join(' ')
}

function article(targetBytes: number): string {
  const parts: string[] = []
  let size = 0
  let section = 1
  while (size < targetBytes) {
    const block: string[] = [
      `${section}. ${pick(['Natural Pain Reduction', 'Improved Circulation', 'Better Sleep', 'Stress Relief'])} Without Medications`,
    ]
    block.push(paragraph(), paragraph())
    block.push('Actionable Tips for Your Treatment')
    for (let b = 0; b < 4; b++) {
      block.push(`- ${pick(instructions)()}`)
    }
    if (section % 5 === 0) {
      block.push('Aspect | Pain | Sleep | Stress |', '---|---|---|---|')
      block.push(
        `Expected Outcomes | Significant relief, ${int(50, 80)}%+ improvement | ${int(20, 40)}-${int(41, 60)}% better sleep | ${int(30, 50)}% less anxiety |`,
      )
    }
    const text = block.join('\n')
    parts.push(text)
    size += text.length + 1
    section++
  }
  return parts.join('\n')
}

const text = article(SIZE_MB * 1024 * 1024)
const mb = Buffer.byteLength(text, 'utf8') / (1024 * 1024)
console.log(`article: ${mb.toFixed(2)} MB, ${text.length.toLocaleString('en')} chars`)

let found = 0
for (let r = 0; r < WARMUP_RUNS; r++) {
  found = detectStatistics(text).length
}
console.log(`detections per run: ${found.toLocaleString('en')}`)

const times: number[] = []
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now()
  detectStatistics(text)
  times.push(performance.now() - t0)
}
times.sort((a, b) => a - b)
const median = times[Math.floor(times.length / 2)] ?? Number.NaN
const best = times[0] ?? Number.NaN
const msPerMb = median / mb
console.log(`runs (ms): ${times.map((x) => x.toFixed(1)).join(', ')}`)
console.log(
  `median: ${median.toFixed(1)} ms for ${mb.toFixed(2)} MB → ${(mb / (median / 1000)).toFixed(1)} MB/s, ${msPerMb.toFixed(1)} ms per MB (best ${(best / mb).toFixed(1)} ms per MB)`,
)
const pass = msPerMb < TARGET_MS_PER_MB
console.log(
  `${pass ? 'PASS' : 'FAIL'}: ${msPerMb.toFixed(1)} ms per MB (target: 1 MB in < ${TARGET_MS_PER_MB} ms)`,
)
process.exitCode = pass ? 0 : 1

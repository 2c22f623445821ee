export { citedPlugin } from './plugin'
export type { CitedPluginOptions } from './options'
export type { DetectedStatistic, StatisticKind, StatisticUnit } from './evidence/types'

export { citedPlugin } from './plugin.js'
export type { CitedPluginOptions } from './options.js'
export type { DetectedStatistic, StatisticKind, StatisticUnit } from './evidence/types.js'

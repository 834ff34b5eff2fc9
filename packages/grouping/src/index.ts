export { computeGrouping, type GroupingOptions } from './compute-grouping.ts';
export { normalizeMessageForGrouping } from './message-parameterization.ts';

// Workloads: the normalised type, parsing user JSON, drawing task durations, and built-in presets.
export type {
  DistributionKind,
  ExecutorHints,
  ExpandedJob,
  ExpandedStage,
  ExpandedWorkload,
  Job,
  JobStart,
  Stage,
  TaskDurations,
  Workload,
} from './types';
export { MIN_TASK_SECONDS } from './types';
export { parseWorkload } from './parse';
export type { ParseWorkloadResult } from './parse';
export { expandWorkload, expandStage, sampleDurations, stageSeed } from './expand';
export { getPreset, workloadPresets, PRESET_NAMES } from './presets';
export type { WorkloadPreset } from './presets';
export { workloadTotals } from './totals';
export type { WorkloadTotals } from './totals';

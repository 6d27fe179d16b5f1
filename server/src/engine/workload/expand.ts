// Turns task-duration specifications into concrete per-task durations, deterministically.
// The same workload (and seed) always yields the same durations.
import { mixSeed, mulberry32, standardNormal } from './prng';
import type { ExpandedStage, ExpandedWorkload, Stage, TaskDurations, Workload } from './types';
import { MIN_TASK_SECONDS } from './types';

/** Rounds to whole milliseconds and applies the minimum task duration. */
function finish(seconds: number): number {
  const clamped = Number.isFinite(seconds) ? Math.max(MIN_TASK_SECONDS, seconds) : MIN_TASK_SECONDS;
  return Math.round(clamped * 1000) / 1000;
}

/**
 * Draws `count` task durations (seconds) from `spec`. `defaultSeed` is used when the spec has no seed of its own.
 * Constant and list specs ignore the seed. A list shorter than `count` repeats cyclically (parsing prevents that).
 */
export function sampleDurations(spec: TaskDurations, count: number, defaultSeed: number): number[] {
  const out: number[] = new Array<number>(count);
  switch (spec.kind) {
    case 'constant':
      out.fill(finish(spec.seconds));
      return out;
    case 'list':
      for (let i = 0; i < count; i++)
        out[i] = finish(spec.seconds.length > 0 ? spec.seconds[i % spec.seconds.length] : 0);
      return out;
    case 'uniform': {
      const next = mulberry32(spec.seed ?? defaultSeed);
      const { min, max } = spec.params;
      for (let i = 0; i < count; i++) out[i] = finish(min + (max - min) * next());
      return out;
    }
    case 'normal': {
      const next = mulberry32(spec.seed ?? defaultSeed);
      const { mean, stddev } = spec.params;
      for (let i = 0; i < count; i++) out[i] = finish(mean + stddev * standardNormal(next));
      return out;
    }
    case 'lognormal': {
      const next = mulberry32(spec.seed ?? defaultSeed);
      const mu = Math.log(spec.params.median);
      const { sigma } = spec.params;
      for (let i = 0; i < count; i++) out[i] = finish(Math.exp(mu + sigma * standardNormal(next)));
      return out;
    }
  }
}

/** The seed a stage's distribution uses when it carries none: derived from the workload seed and the stage id. */
export function stageSeed(workloadSeed: number, stageId: number): number {
  return mixSeed(workloadSeed, stageId);
}

export function expandStage(stage: Stage, workloadSeed: number): ExpandedStage {
  return { ...stage, taskSeconds: sampleDurations(stage.duration, stage.tasks, stageSeed(workloadSeed, stage.id)) };
}

/** Draws every stage's task durations. Pure: the input is not modified. */
export function expandWorkload(workload: Workload): ExpandedWorkload {
  return {
    ...workload,
    jobs: workload.jobs.map((job) => ({ ...job, stages: job.stages.map((s) => expandStage(s, workload.seed)) })),
  };
}

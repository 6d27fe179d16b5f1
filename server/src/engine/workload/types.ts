// The workload the simulator replays: jobs made of stages (a DAG per job), each stage a set of tasks with durations.
// This is the normalised, validated form produced by `parseWorkload` (see docs/workload-format.md for the JSON users
// write) and by the event-log reader. All times are seconds.

/**
 * How long each task of a stage runs, in seconds.
 * - `constant`: every task takes `seconds`.
 * - `list`: task i takes `seconds[i]`; the list has exactly one entry per task.
 * - `uniform`: drawn uniformly from [min, max).
 * - `normal`: drawn from a normal distribution (mean, stddev).
 * - `lognormal`: drawn from a log-normal distribution given by its median and the standard deviation `sigma` of the
 *   underlying normal (so ln(duration) ~ N(ln(median), sigma)).
 * Drawn durations are clamped to at least {@link MIN_TASK_SECONDS} and rounded to whole milliseconds. `seed` fixes the
 * draw; without it the seed is derived from the workload's seed and the stage id (see `expand.ts`).
 */
export type TaskDurations =
  | { kind: 'constant'; seconds: number }
  | { kind: 'list'; seconds: number[] }
  | { kind: 'uniform'; params: { min: number; max: number }; seed?: number }
  | { kind: 'normal'; params: { mean: number; stddev: number }; seed?: number }
  | { kind: 'lognormal'; params: { median: number; sigma: number }; seed?: number };

export type DistributionKind = 'uniform' | 'normal' | 'lognormal';

/** The shortest task duration a distribution can produce (1 ms). */
export const MIN_TASK_SECONDS = 0.001;

/**
 * When a job is submitted.
 * - `at`: `seconds` after application start.
 * - `afterPrevious`: `gapSeconds` after every earlier job (in list order) has ended; for the first job, after
 *   application start. This is how a driver that runs queries one after another behaves.
 * - `withPrevious`: `offsetSeconds` after the previous job in the list was submitted, whether or not it has ended
 *   (concurrent jobs); for the first job, after application start.
 */
export type JobStart =
  | { kind: 'at'; seconds: number }
  | { kind: 'afterPrevious'; gapSeconds: number }
  | { kind: 'withPrevious'; offsetSeconds: number };

/** One stage of a job. A stage becomes runnable when all its parent stages have completed. */
export interface Stage {
  /** Unique across the whole workload (like Spark stage ids). */
  id: number;
  name?: string;
  /** Ids of stages of the same job whose output this stage reads. Empty for a source stage. */
  parents: number[];
  /** Number of tasks (partitions); at least 1. */
  tasks: number;
  duration: TaskDurations;
  /**
   * True when the stage writes shuffle output (a Spark ShuffleMapStage). Every stage that another stage lists as a
   * parent is a shuffle-map stage. Executors that ran such tasks hold shuffle data (matters for shuffle tracking).
   */
  shuffleMap: boolean;
  /** True when the stage persists an RDD that later stages or jobs read: its executors then hold cached blocks. */
  cached: boolean;
  /** The shuffle this stage writes; present exactly when `shuffleMap` is true (defaults to the stage id). */
  shuffleId?: number;
  /**
   * The resource profile its tasks run under (Spark's stage-level scheduling): 0 or absent is the default profile (the
   * job's own configuration); another id names one of `Workload.profiles`.
   */
  profile?: number;
}

export interface Job {
  /** Unique across the workload. */
  id: number;
  name?: string;
  start: JobStart;
  /** Stages, parents before children (parsing sorts them topologically, keeping the written order otherwise). */
  stages: Stage[];
  /**
   * Shuffle ids written by earlier jobs that this job reads again without recomputing (Spark's "skipped" stages).
   * With shuffle tracking, executors holding these shuffles count as active again while the job runs.
   */
  reusesShuffles: number[];
}

/** Hints about executor sizing; the simulator's own configuration (the Spark conf) takes precedence. */
export interface ExecutorHints {
  /** spark.executor.cores of the run the workload describes. */
  cores?: number;
  /** spark.task.cpus of the run the workload describes. */
  taskCpus?: number;
}

/**
 * A resource profile other than the default one (Spark's ResourceProfile, id ≥ 1). What it leaves out is taken from
 * the default profile, i.e. the simulated job's configuration, as Spark does for the cluster manager's request.
 */
export interface ResourceProfileSpec {
  id: number;
  /** Executor cores its executors ask for. */
  executorCores?: number;
  /** Executor heap (spark.executor.memory of the profile), MiB. */
  executorMemoryMiB?: number;
  /** Executor memory overhead, MiB. */
  memoryOverheadMiB?: number;
  /** CPUs each of its tasks needs. */
  taskCpus?: number;
}

export interface Workload {
  name: string;
  description?: string;
  /** Seed for distributions that do not carry their own (default 1). */
  seed: number;
  executor: ExecutorHints;
  /** Resource profiles stages name besides the default one, by id ascending (absent: every stage uses profile 0). */
  profiles?: ResourceProfileSpec[];
  /** In submission order. */
  jobs: Job[];
}

/** A stage with its task durations drawn (see `expandWorkload`). */
export interface ExpandedStage extends Stage {
  /** Seconds, one entry per task, in task index order. */
  taskSeconds: number[];
}

export interface ExpandedJob extends Omit<Job, 'stages'> {
  stages: ExpandedStage[];
}

export interface ExpandedWorkload extends Omit<Workload, 'jobs'> {
  jobs: ExpandedJob[];
}

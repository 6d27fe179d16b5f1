// What the language server's main thread asks its simulation workers, and what they answer. Plain data only: a job
// crosses the worker_threads boundary by structured clone, an answer as JSON text (see WorkerResponse).
import type { EngineSettings, JobLensOutcome, OpenInput, SimulateInput, UpgradeDiffInput } from '../../engine';
import type { UpgradeDiff } from '../../../../protocol/upgrade-diff';
import type { Advice } from '../../../../protocol/advice';
import type { Result } from '../../../../protocol/result';
import type { ReplayResult } from '../../../../protocol/replay';
import type { SimulationResult } from '../../../../protocol/simulation';

export interface SimulateJob {
  kind: 'simulate';
  settings: EngineSettings;
  document: OpenInput;
  input: SimulateInput;
}

export interface ReplayJob {
  kind: 'replay';
  settings: EngineSettings;
  /** The log on disk, or its text when it is open in the editor. */
  log: { path: string; app?: string } | { text: string; name: string };
  /** A job file whose configuration replaces the logged one. */
  document?: OpenInput;
  input: Omit<SimulateInput, 'preset' | 'workload'>;
}

export interface UpgradeDiffJob {
  kind: 'upgrade-diff';
  settings: EngineSettings;
  input: UpgradeDiffInput;
}

export interface AdviseJob {
  kind: 'advise';
  settings: EngineSettings;
  document: OpenInput;
  /** Search on this log's workload (on disk, or its text when it is open in the editor) instead of a preset. */
  log?: { path: string } | { text: string; name: string };
  input: {
    jobIndex?: number;
    preset?: string;
    overrides?: Record<string, string>;
    knobs?: Record<string, number>;
    maxSlowdownPct?: number;
    workspaceStorageClasses?: SimulateInput['workspaceStorageClasses'];
  };
}

/** A code lens's figure: the job simulated on the default workload, answered with only what the lens shows. */
export interface LensJob {
  kind: 'lens';
  settings: EngineSettings;
  document: OpenInput;
  input: Pick<SimulateInput, 'jobIndex' | 'workspaceStorageClasses'>;
}

export type WorkerJob = SimulateJob | ReplayJob | UpgradeDiffJob | AdviseJob | LensJob;

export type JobAnswer<J extends WorkerJob> = J extends SimulateJob
  ? Result<SimulationResult>
  : J extends LensJob
    ? JobLensOutcome
    : J extends UpgradeDiffJob
      ? Result<UpgradeDiff>
      : J extends AdviseJob
        ? Result<Advice>
        : Result<ReplayResult>;

export type AnyAnswer =
  Result<SimulationResult> | Result<ReplayResult> | Result<UpgradeDiff> | Result<Advice> | JobLensOutcome;

/** How far a long job has come (the advisor's simulations so far, of about `total`). */
export interface JobProgress {
  done: number;
  total: number;
}

export interface WorkerRequest {
  id: number;
  job: WorkerJob;
}

/**
 * A job's answer as JSON text. A string crosses to the server's thread as one copy, where a cloned object graph of
 * a large result (a megabyte of timeline) would be rebuilt there in one long step while hovers wait.
 */
export interface WorkerResponse {
  id: number;
  answerJson: string;
}

/** Sent by a worker while a job runs, before its response. */
export interface WorkerProgress {
  id: number;
  progress: JobProgress;
}

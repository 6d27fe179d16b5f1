// Runs one simulation job through the engine facade: in a worker thread normally, in the server's own thread when
// no worker bundle is there (tests that run the sources).
import { stat } from 'node:fs/promises';
import { createSparkDraService, jobLensOutcome, type EventLogReplay, type SparkDraService } from '../../engine';
import type { Result } from '../../../../protocol/result';
import type { ReplayResult } from '../../../../protocol/replay';
import type { Advice } from '../../../../protocol/advice';
import type { AdviseJob, AnyAnswer, JobProgress, ReplayJob, WorkerJob } from './messages';

/** What a running job may use besides its input: a cancellation signal and a progress callback. */
export interface JobHooks {
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

/** The last logs read from disk, so what-if re-runs of a replay do not read a large log again. */
export class LogMemory {
  private readonly entries = new Map<string, { stamp: string; log: EventLogReplay }>();

  constructor(private readonly size: number) {}

  async read(
    service: SparkDraService,
    path: string,
    app: string | undefined,
    stamp: string | undefined,
  ): Promise<Result<EventLogReplay>> {
    const key = app === undefined ? path : `${path}\u0000${app}`;
    const hit = this.entries.get(key);
    if (stamp !== undefined && hit?.stamp === stamp) return { ok: true, value: hit.log };
    const read = await service.readEventLog(path, app === undefined ? {} : { app });
    this.entries.delete(key);
    if (stamp !== undefined && read.ok) {
      this.entries.set(key, { stamp, log: read.value });
      while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    }
    return read;
  }
}

export async function runJob(
  job: WorkerJob,
  logs: LogMemory,
  stampOf: (path: string) => Promise<string | undefined>,
  hooks: JobHooks = {},
): Promise<AnyAnswer> {
  const service = createSparkDraService(job.settings);
  if (job.kind === 'simulate') return service.open(job.document).simulate(job.input);
  if (job.kind === 'lens') return jobLensOutcome(service.open(job.document).simulate(job.input));
  if (job.kind === 'upgrade-diff') return service.upgradeDiff(job.input);
  if (job.kind === 'advise') return advise(service, job, logs, stampOf, hooks);
  return replay(service, job, logs, stampOf);
}

async function advise(
  service: SparkDraService,
  job: AdviseJob,
  logs: LogMemory,
  stampOf: (path: string) => Promise<string | undefined>,
  hooks: JobHooks,
): Promise<Result<Advice>> {
  let log: EventLogReplay | undefined;
  if (job.log) {
    const read =
      'path' in job.log
        ? await logs.read(service, job.log.path, undefined, await stampOf(job.log.path))
        : service.parseEventLog(job.log.text, job.log.name);
    if (!read.ok) return read;
    log = read.value;
  }
  return service.advise({
    document: service.open(job.document),
    ...job.input,
    log,
    signal: hooks.signal,
    onProgress: hooks.onProgress ? (done, total) => hooks.onProgress?.({ done, total }) : undefined,
  });
}

async function replay(
  service: SparkDraService,
  job: ReplayJob,
  logs: LogMemory,
  stampOf: (path: string) => Promise<string | undefined>,
): Promise<Result<ReplayResult>> {
  const log =
    'path' in job.log
      ? await logs.read(service, job.log.path, job.log.app, await stampOf(job.log.path))
      : service.parseEventLog(job.log.text, job.log.name);
  if (!log.ok) return log;
  return service.replay({
    log: log.value,
    document: job.document ? service.open(job.document) : undefined,
    jobIndex: job.input.jobIndex,
    overrides: job.input.overrides,
    knobs: job.input.knobs,
    workspaceStorageClasses: job.input.workspaceStorageClasses,
  });
}

/** What stat says of a log (time, size, kind), so a changed log is read again; undefined when it cannot be read. */
export async function stampOf(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    return `${info.mtimeMs}:${info.size}:${info.isDirectory()}`;
  } catch {
    return undefined;
  }
}

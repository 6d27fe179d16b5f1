// Runs simulations and replays off the server's main thread, so hover, completion and diagnostics never wait for
// them. Each job gets a worker of its own from a small pool; cancelling a job, or a job running past its time or
// memory limit, ends that worker and answers with a problem naming the limit and the setting that raises it.
// What is left on this thread is kept in short steps: code-lens work waits while a requested job runs (slots.ts),
// and an answer arrives as JSON text that is parsed one turn of the event loop later and handed on one turn after
// that, so a hover that came in meanwhile is answered between the copy, the parse and the reply's serialisation.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { failure } from '../../../../protocol/result';
import type {
  AnyAnswer,
  JobAnswer,
  JobProgress,
  WorkerJob,
  WorkerProgress,
  WorkerRequest,
  WorkerResponse,
} from './messages';
import { LogMemory, runJob, stampOf } from './run-job';
import { WorkSlots } from './slots';

/** The worker bundle, next to the running server bundle (dist/). */
export const WORKER_BUNDLE = 'simulation-worker.js';

export interface WorkLimits {
  /** Wall-clock seconds a job may run. */
  timeLimitSec: number;
  /** Heap a worker may use, in MiB. */
  memoryLimitMiB: number;
}

export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

const TIME_SETTING = 'sparkDra.simulation.timeLimitSec';
const MEMORY_SETTING = 'sparkDra.simulation.memoryLimitMiB';

export function findWorkerBundle(): string | undefined {
  const dir = typeof __dirname === 'string' ? __dirname : undefined;
  const path = dir ? join(dir, WORKER_BUNDLE) : undefined;
  return path && existsSync(path) ? path : undefined;
}

const cancelled = () => failure('cancelled', 'The request was cancelled.');

export class WorkPool {
  private readonly idle: Worker[] = [];
  private readonly slots: WorkSlots;
  private nextId = 1;
  /** Logs remembered for jobs run in this thread (no worker bundle). */
  private readonly localLogs = new LogMemory(2);

  constructor(
    private readonly workerPath: string | undefined,
    private readonly limits: () => WorkLimits,
    private readonly size = 2,
  ) {
    this.slots = new WorkSlots(size);
  }

  async run<J extends WorkerJob>(
    job: J,
    token?: Cancellation,
    onProgress?: (progress: JobProgress) => void,
  ): Promise<JobAnswer<J>> {
    if (token?.isCancellationRequested) return cancelled() as JobAnswer<J>;
    if (!this.workerPath) return (await this.inThisThread(job, token, onProgress)) as JobAnswer<J>;
    const release = await this.slots.acquire(job.kind === 'lens' ? 'background' : 'request');
    try {
      // A lens run may have waited behind requests long enough for its document to change.
      if (token?.isCancellationRequested) return cancelled() as JobAnswer<J>;
      return (await this.inWorker(job, this.workerPath, token, onProgress)) as JobAnswer<J>;
    } finally {
      release();
    }
  }

  dispose(): void {
    for (const worker of this.idle.splice(0)) void worker.terminate();
  }

  /** Without a worker bundle: the job runs here, and a cancellation reaches it as an abort signal. */
  private async inThisThread(
    job: WorkerJob,
    token: Cancellation | undefined,
    onProgress: ((progress: JobProgress) => void) | undefined,
  ): Promise<AnyAnswer> {
    const controller = new AbortController();
    const cancelled = token?.onCancellationRequested(() => controller.abort());
    try {
      return await runJob(job, this.localLogs, stampOf, { signal: controller.signal, onProgress });
    } finally {
      cancelled?.dispose();
    }
  }

  private inWorker(
    job: WorkerJob,
    path: string,
    token: Cancellation | undefined,
    onProgress: ((progress: JobProgress) => void) | undefined,
  ): Promise<AnyAnswer> {
    const limits = this.limits();
    const worker =
      this.idle.pop() ?? new Worker(path, { resourceLimits: { maxOldGenerationSizeMb: limits.memoryLimitMiB } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (answer: AnyAnswer | Promise<AnyAnswer>, keepWorker: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        onCancel?.dispose();
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (keepWorker && this.idle.length < this.size) this.idle.push(worker);
        else void worker.terminate();
        resolve(answer);
      };
      const onMessage = (response: WorkerResponse | WorkerProgress) => {
        if (response.id !== id) return;
        if ('progress' in response) onProgress?.(response.progress);
        else finish(parseInLaterTurns(response.answerJson), true);
      };
      const onError = (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          finish(
            failure(
              'over-budget',
              `The simulation needed more than ${limits.memoryLimitMiB} MiB of memory and was stopped. Use fewer executors or tasks, or raise ${MEMORY_SETTING}.`,
            ),
            false,
          );
        } else finish(failure('internal', `The simulation worker failed: ${error.message}`), false);
      };
      const onExit = () => finish(failure('internal', 'The simulation worker stopped before it answered.'), false);
      const timer = setTimeout(
        () =>
          finish(
            failure(
              'over-budget',
              `The simulation ran longer than ${limits.timeLimitSec} s and was stopped. Use a smaller workload, or raise ${TIME_SETTING}.`,
            ),
            false,
          ),
        limits.timeLimitSec * 1000,
      );
      const onCancel = token?.onCancellationRequested(() => finish(cancelled(), false));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const request: WorkerRequest = { id, job };
      worker.postMessage(request);
    });
  }
}

/** A worker's answer, parsed one event-loop turn after it arrived and resolved one turn after the parse. */
function parseInLaterTurns(json: string): Promise<AnyAnswer> {
  return new Promise((resolve) => {
    setImmediate(() => {
      let answer: AnyAnswer;
      try {
        answer = JSON.parse(json) as AnyAnswer;
      } catch {
        answer = failure('internal', 'The simulation worker sent an answer that could not be read.');
      }
      setImmediate(() => resolve(answer));
    });
  });
}

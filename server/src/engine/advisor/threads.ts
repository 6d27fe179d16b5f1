// Evaluates batches of candidates on every core: worker threads running the bundle dist/advise-worker.js (found next
// to the running bundle), each fed small chunks as it finishes the last, results put back in candidate order, so
// the outcome never depends on which thread was quicker. Without the bundle (tests run the sources), with one core,
// or when a thread fails, candidates are simulated in this thread: slower, with the same results.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { evaluateCandidate } from './evaluate';
import { isFromEvaluator, type ToEvaluator } from './worker-protocol';
import type { Changes, Evaluation, SearchTarget } from './types';

export const ADVISE_WORKER_BUNDLE = 'advise-worker.js';

/** Candidates per message: small enough to share work evenly, big enough that messages cost little. */
const CHUNK = 4;

export interface ThreadOptions {
  /** The worker bundle; null: evaluate in this thread. Defaults to the bundle next to the running one. */
  workerPath?: string | null;
  /** Threads to use (default: the cores there are, at most 2). */
  threads?: number;
}

export class CancelledError extends Error {
  constructor() {
    super('The search was cancelled.');
  }
}

export interface Evaluator {
  /** Simulates every candidate; answers in their order. Rejects with CancelledError when `signal` aborts. */
  evaluate(batch: readonly Changes[], onChunk?: (done: number) => void): Promise<Evaluation[]>;
  readonly threads: number;
  close(): void;
}

export function createEvaluator(
  target: SearchTarget,
  signal: AbortSignal | undefined,
  options: ThreadOptions = {},
): Evaluator {
  const path = options.workerPath === undefined ? defaultWorkerPath() : options.workerPath;
  const count = options.threads ?? Math.min(2, availableParallelism());
  if (path === null || count < 2) return new LocalEvaluator(target, signal);
  return new ThreadedEvaluator(target, signal, path, count);
}

function defaultWorkerPath(): string | null {
  const dir = typeof __dirname === 'string' ? __dirname : undefined;
  if (dir === undefined) return null;
  const path = join(dir, ADVISE_WORKER_BUNDLE);
  return existsSync(path) ? path : null;
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

class LocalEvaluator implements Evaluator {
  readonly threads = 1;
  constructor(
    private readonly target: SearchTarget,
    private readonly signal: AbortSignal | undefined,
  ) {}

  async evaluate(batch: readonly Changes[], onChunk?: (done: number) => void): Promise<Evaluation[]> {
    const out: Evaluation[] = [];
    for (const changes of batch) {
      // Lets a cancellation arrive between candidates.
      await yieldToEvents();
      if (this.signal?.aborted) throw new CancelledError();
      out.push(evaluateCandidate(this.target, changes));
      onChunk?.(1);
    }
    return out;
  }

  close(): void {}
}

class ThreadedEvaluator implements Evaluator {
  private readonly workers: Worker[];
  private broken = false;
  private nextId = 1;

  constructor(
    private readonly target: SearchTarget,
    private readonly signal: AbortSignal | undefined,
    path: string,
    readonly threads: number,
  ) {
    this.workers = [];
    for (let i = 0; i < threads; i++) {
      // Plain JavaScript: none of this process's Node options (a TypeScript loader in tests) are needed.
      const worker = new Worker(path, { execArgv: [] });
      worker.unref();
      const message: ToEvaluator = { kind: 'target', target };
      worker.postMessage(message);
      this.workers.push(worker);
    }
  }

  async evaluate(batch: readonly Changes[], onChunk?: (done: number) => void): Promise<Evaluation[]> {
    const results: Evaluation[] = new Array<Evaluation>(batch.length);
    let next = 0;
    const takeChunk = (): [number, Changes[]] | undefined => {
      if (next >= batch.length) return undefined;
      const start = next;
      next = Math.min(batch.length, next + CHUNK);
      return [start, batch.slice(start, next)];
    };
    const drain = async (worker: Worker | undefined): Promise<void> => {
      for (let chunk = takeChunk(); chunk; chunk = takeChunk()) {
        if (this.signal?.aborted) throw new CancelledError();
        const [start, items] = chunk;
        let answers: Evaluation[] | undefined;
        if (worker && !this.broken) answers = await this.inWorker(worker, items);
        if (!answers) {
          await yieldToEvents();
          if (this.signal?.aborted) throw new CancelledError();
          answers = items.map((changes) => evaluateCandidate(this.target, changes));
        }
        answers.forEach((answer, i) => (results[start + i] = answer));
        onChunk?.(items.length);
      }
    };
    await Promise.all(this.workers.map((worker) => drain(worker)));
    if (this.signal?.aborted) throw new CancelledError();
    return results;
  }

  close(): void {
    for (const worker of this.workers.splice(0)) void worker.terminate();
  }

  /** The thread's answers, or undefined when it failed (then it is not used again). */
  private inWorker(worker: Worker, items: Changes[]): Promise<Evaluation[] | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const done = (answer: Evaluation[] | undefined): void => {
        worker.off('message', onMessage);
        worker.off('error', onFailure);
        worker.off('exit', onFailure);
        this.signal?.removeEventListener('abort', onAbort);
        if (!answer) this.broken = true;
        resolve(answer);
      };
      const onMessage = (message: unknown): void => {
        if (isFromEvaluator(message) && message.id === id) done(message.results);
      };
      const onFailure = (): void => done(undefined);
      // A cancelled chunk is not waited for: the caller stops at the next chunk and closes the threads.
      const onAbort = (): void => done([]);
      worker.on('message', onMessage);
      worker.on('error', onFailure);
      worker.on('exit', onFailure);
      this.signal?.addEventListener('abort', onAbort);
      const message: ToEvaluator = { kind: 'batch', id, items };
      worker.postMessage(message);
    });
  }
}

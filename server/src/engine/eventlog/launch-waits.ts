// How long each task attempt of a log waited for its slot although a slot on the executor that ran it was already
// free: Spark's delay scheduling (spark.locality.wait) holding a task back for a better-placed executor, plus the
// scheduler's own launch latency. The replay applies these waits per task (simulator/task-history.ts).
//
// Per executor, the attempts are replayed in launch order over its slots (cores / spark.task.cpus, each free from the
// executor's registration). An attempt takes the slot free the longest: the task could have run on it from the moment
// both were there, so it waited launch − max(that slot's free time, when the task became pending) (the same slot-time
// slot-waits.ts sums). When no slot was free (timestamps overlap by a millisecond or two), the attempt waited for
// nothing. Attempts on executors the log never added (the driver in local mode) get no wait.
import type { TaskRun } from './task-run';

interface ExecutorAttempts {
  addedMs: number;
  cores: number;
  runs: TaskRun[];
  /** When each run's task became pending (its stage attempt's submission), by position in `runs`. */
  pendingSince: number[];
}

export class LaunchWaits {
  private readonly byExecutor = new Map<string, ExecutorAttempts>();
  private readonly retired: ExecutorAttempts[] = [];

  /** An executor registered (a re-registration under the same id starts a new record). */
  executorAdded(id: string, addedMs: number, cores: number): void {
    const previous = this.byExecutor.get(id);
    if (previous) this.retired.push(previous);
    this.byExecutor.set(id, { addedMs, cores, runs: [], pendingSince: [] });
  }

  /** An attempt ended on executor `id`; its wait is filled in by `measure`. */
  attempt(id: string, run: TaskRun, pendingSinceMs: number): void {
    const e = this.byExecutor.get(id);
    if (!e) return;
    e.runs.push(run);
    e.pendingSince.push(pendingSinceMs);
  }

  /** Sets `waitMs` on every attempt of a known executor; call once, after the last event. */
  measure(taskCpus: number): void {
    const cpus = Number.isFinite(taskCpus) && taskCpus > 0 ? taskCpus : 1;
    for (const e of [...this.retired, ...this.byExecutor.values()]) measureExecutor(e, cpus);
  }
}

function measureExecutor(e: ExecutorAttempts, taskCpus: number): void {
  const slots = Math.max(1, Math.floor(e.cores / taskCpus));
  const freeAt = new Array<number>(slots).fill(e.addedMs);
  const order = e.runs.map((_, i) => i).sort((a, b) => e.runs[a].launchMs - e.runs[b].launchMs || a - b);
  for (const i of order) {
    const run = e.runs[i];
    const launch = run.launchMs;
    // The slot free the longest: any free slot would have taken the task since it became pending.
    let earliest = 0;
    for (let k = 1; k < slots; k++) if (freeAt[k] < freeAt[earliest]) earliest = k;
    const slot = earliest;
    run.waitMs = freeAt[slot] <= launch ? Math.max(0, launch - Math.max(freeAt[slot], e.pendingSince[i])) : 0;
    freeAt[slot] = launch + Math.round(run.seconds * 1000);
  }
}

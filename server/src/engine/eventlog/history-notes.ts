// Notes on what a replay takes from the log's task history (simulator/task-history.ts): failed attempts run again,
// speculative races, slot waits, each with its size.
import { historyTotals, type TaskHistory } from '../simulator/task-history';
import type { EventLogReplay } from './types';

const secs = (ms: number): string => `${ms >= 100_000 ? (ms / 1000).toFixed(0) : (ms / 1000).toFixed(1)} s`;
const round2 = (x: number): number => Math.round(x * 100) / 100;

export function historyNotes(log: EventLogReplay, used: TaskHistory | undefined, waitScale: number): string[] {
  const notes: string[] = [];
  const logged = historyTotals(log.taskHistory ?? { stages: {} });
  const t = used ? historyTotals(used) : undefined;
  if (t && t.failedAttempts > 0) {
    notes.push(
      `${t.failedAttempts} task attempt(s) failed in the log (${secs(t.failedMs)}); each fails again here, on a slot, ` +
        'before its task succeeds: a failed attempt is part of the workload, so what-ifs keep it.',
    );
  }
  const copies = log.stats.speculativeTasks;
  if (copies > 0) {
    const raced = t !== undefined && t.loggedCopies > 0;
    notes.push(
      `The log ran ${copies} speculative task cop${copies === 1 ? 'y' : 'ies'} ` +
        `(${secs(log.stats.speculativeTaskSeconds * 1000)}). Copies are simulated by Spark's rule when spark.speculation ` +
        'is on; ' +
        (raced
          ? "a task the log raced keeps its copy's and original's logged run times, other copies take the stage's median."
          : "each copy takes the stage's median successful run time."),
    );
  }
  if (logged.waitingTasks > 0) {
    if (!t || t.waitingTasks === 0) {
      notes.push(
        `${logged.waitingTasks} task(s) waited for a slot in the log although one was free (${secs(logged.waitMs)}); ` +
          'with spark.locality.wait at 0 here they launch as soon as a slot is free.',
      );
    } else {
      const scaled = waitScale !== 1 ? `, scaled ×${round2(waitScale)} to this spark.locality.wait` : '';
      notes.push(
        `${t.waitingTasks} task(s) wait for their slot as long as in the log although one is free ` +
          `(${secs(t.waitMs)} in all${scaled}; locality wait and the scheduler's launch latency).`,
      );
    }
  }
  return notes;
}

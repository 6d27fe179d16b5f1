// What a replayed event log shows of each task beyond the run time of its successful attempt: attempts that failed
// before it, the speculative copy that raced it, and how long it waited for a slot that was already free. The workload
// keeps one duration per task; this rides beside it, by workload stage id and task index (the workload's order).
// Plain objects and arrays, so a replay can be copied between threads like the rest of it.

export interface StageTaskHistory {
  /** Run times (ms) of the attempts that failed or were killed before the task succeeded, oldest first. */
  failedMs?: Record<number, number[]>;
  /** Run time (ms) of the logged speculative copy: its success, or how long it ran until it was killed. */
  copyMs?: Record<number, number>;
  /** Run time (ms) of the original attempt when the logged copy beat it: how long it ran until it was killed. */
  originalMs?: Record<number, number>;
  /** Time (ms) each task waited for its slot although a slot was free (locality wait, launch latency), by index. */
  waitMs?: number[];
}

export interface TaskHistory {
  stages: Record<number, StageTaskHistory>;
}

/**
 * The history as a run uses it: every wait multiplied by `waitScale` (0 drops them), and without the logged races'
 * run times unless `loggedRaces` (a what-if's copies take the stage's median). Failed attempts stay: they are workload.
 */
export function historyFor(history: TaskHistory, waitScale: number, loggedRaces: boolean): TaskHistory {
  if (waitScale === 1 && loggedRaces) return history;
  const stages: Record<number, StageTaskHistory> = {};
  for (const [id, stage] of Object.entries(history.stages)) {
    const { waitMs, copyMs, originalMs, ...rest } = stage;
    const out: StageTaskHistory = rest;
    if (waitMs !== undefined && waitScale > 0) out.waitMs = waitMs.map((w) => Math.round(w * waitScale));
    if (loggedRaces && copyMs !== undefined) out.copyMs = copyMs;
    if (loggedRaces && originalMs !== undefined) out.originalMs = originalMs;
    stages[Number(id)] = out;
  }
  return { stages };
}

/** Counts for notes: failed attempts replayed and their run time, logged copies, waiting tasks and their wait. */
export function historyTotals(history: TaskHistory): {
  failedAttempts: number;
  failedMs: number;
  loggedCopies: number;
  waitingTasks: number;
  waitMs: number;
} {
  const t = { failedAttempts: 0, failedMs: 0, loggedCopies: 0, waitingTasks: 0, waitMs: 0 };
  for (const stage of Object.values(history.stages)) {
    for (const list of Object.values(stage.failedMs ?? {})) {
      t.failedAttempts += list.length;
      for (const ms of list) t.failedMs += ms;
    }
    t.loggedCopies += Object.keys(stage.copyMs ?? {}).length;
    for (const w of stage.waitMs ?? []) {
      if (w <= 0) continue;
      t.waitingTasks++;
      t.waitMs += w;
    }
  }
  return t;
}

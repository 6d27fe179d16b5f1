// Builds the replay's task history (simulator/task-history.ts) from the collected attempts, in the workload's task
// order: to-workload.ts numbers a stage's tasks by the launch time of their successful attempts, and so does this.
//
// Decisions:
// - Attempts of one task share a stage attempt and a Task Info "Index". An attempt without a success under its own
//   key (its stage attempt was abandoned, e.g. after a fetch failure) goes to the task with the same index.
// - A task with a speculative attempt raced two copies: the killed one lost. The loser is not a failed attempt; it
//   gives the copy's (or the original's) logged run time for the simulated race.
// - Failed attempts are every other ending except ExecutorLostFailure (the executor's fate, which the replay of the
//   logged configuration reproduces by losing the executor itself) and Resubmitted (no run time; not collected).
// - Waits come from launch-waits.ts, the successful attempt's own.
import type { StageTaskHistory, TaskHistory } from '../simulator/task-history';
import type { EventCollector, OtherRun, StageRecord, TaskRun } from './collect';

const keyOf = (run: TaskRun): string => `${run.stageAttempt ?? 0}:${run.index ?? -1}`;
const ms = (run: TaskRun): number => Math.max(0, Math.round(run.seconds * 1000));

function stageHistory(stage: StageRecord): StageTaskHistory | undefined {
  // Most stages of a long log have nothing to tell: no sort, no maps for them.
  if (stage.otherRuns.length === 0 && !stage.successes.some((r) => (r.waitMs ?? 0) > 0)) return undefined;
  const ok = [...stage.successes].sort((a, b) => a.launchMs - b.launchMs);
  const count = stage.numTasks > 0 ? Math.min(stage.numTasks, ok.length) : ok.length;
  const out: StageTaskHistory = {};
  const waitMs: number[] = [];
  for (let i = 0; i < count; i++) waitMs.push(ok[i].waitMs ?? 0);
  if (waitMs.some((w) => w > 0)) out.waitMs = waitMs;
  if (stage.otherRuns.length === 0) return out.waitMs ? out : undefined;
  const byKey = new Map<string, number>();
  const byIndex = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const run = ok[i];
    const key = keyOf(run);
    if (!byKey.has(key)) byKey.set(key, i);
    if (run.index !== undefined && !byIndex.has(run.index)) byIndex.set(run.index, i);
  }
  const raced = new Set<string>();
  for (const run of stage.successes) if (run.speculative) raced.add(keyOf(run));
  for (const run of stage.otherRuns) if (run.speculative) raced.add(keyOf(run));
  const others = [...stage.otherRuns].sort((a, b) => a.launchMs - b.launchMs);
  for (const run of others) {
    const key = keyOf(run);
    const task = byKey.get(key) ?? (run.index !== undefined ? byIndex.get(run.index) : undefined);
    if (task === undefined) continue;
    if (raced.has(key) && run.reason === 'TaskKilled') {
      recordLoser(out, task, run);
      continue;
    }
    if (run.reason === 'ExecutorLostFailure') continue;
    ((out.failedMs ??= {})[task] ??= []).push(ms(run));
  }
  // A copy that won: its own run time is the copy's; the loser (the original) was recorded above.
  for (let i = 0; i < count; i++) if (ok[i].speculative) (out.copyMs ??= {})[i] = ms(ok[i]);
  return out.waitMs || out.failedMs || out.copyMs || out.originalMs ? out : undefined;
}

/** The killed side of a race: a killed copy gives the copy's run time, a killed original the original's. */
function recordLoser(out: StageTaskHistory, task: number, run: OtherRun): void {
  if (run.speculative) (out.copyMs ??= {})[task] = ms(run);
  else (out.originalMs ??= {})[task] = ms(run);
}

/** The history of every stage of the workload that has something to tell; stages are keyed by their id. */
export function buildTaskHistory(c: EventCollector): TaskHistory {
  const stages: Record<number, StageTaskHistory> = {};
  for (const [id, stage] of c.stages) {
    const h = stageHistory(stage);
    if (h) stages[id] = h;
  }
  return { stages };
}

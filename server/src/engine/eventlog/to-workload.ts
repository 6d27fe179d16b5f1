// Turns the collected stages and jobs into a replayable workload (the user JSON format, validated by parseWorkload).
//
// Decisions:
// - Only submitted stages are kept; stages a job lists but Spark skipped (output already computed) are dropped, and
//   parent links to stages outside the job are dropped too (that data existed before the job started).
// - A submitted stage belongs to the first job (by JobStart) that lists it. Stages no JobStart lists (their JobStart
//   is missing from the log) go to the end-only job (JobEnd without JobStart) that ended first after the stage was
//   submitted, else to a made-up job.
// - Task durations: the stage's successful attempts (Finish − Launch), first N by launch time for N = the stage's task
//   count; indices without a successful attempt get the median of the successes (else of the other attempts).
//   A stage the log shows failed, cancelled or aborted without ever completing keeps only its successful attempts
//   (the rest never ran). A stage with no ended attempt at all is dropped with a warning.
// - Job timing: the first job starts at its observed offset from application start; a later job that was submitted
//   after every earlier job ended keeps that gap (`gapAfterPrevious`); one submitted while an earlier job was still
//   running keeps its offset from the previous submission (`delayAfterPreviousSubmit`).
// - Resource profiles: each kept stage keeps its "Resource Profile Id"; the profiles those stages name (other than the
//   default, 0) keep what SparkListenerResourceProfileAdded asked for (see log-profiles.ts).
import { parseWorkload } from '../workload/parse';
import type { Workload } from '../workload/types';
import type { EventCollector, StageRecord } from './collect';
import { originMs } from './observed';
import { workloadProfiles } from './log-profiles';

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

interface JobPlan {
  id: number;
  submitMs: number;
  endMs: number;
  stageIds: number[];
}

export type WorkloadBuild = { ok: true; workload: Workload; skippedStages: number } | { ok: false; error: string };

/** Assigns every submitted stage to a job (see the decisions above). Returns job id → stage ids. */
function assignStages(c: EventCollector): Map<number, number[]> {
  const owner = new Map<number, number>();
  const members = new Map<number, number[]>();
  const add = (jobId: number, sid: number): void => {
    owner.set(sid, jobId);
    const list = members.get(jobId) ?? [];
    list.push(sid);
    members.set(jobId, list);
  };
  for (const jobId of c.jobOrder) {
    const job = c.jobs.get(jobId);
    if (!job || !job.hasStart) continue;
    for (const sid of job.listedStages) if (c.stages.has(sid) && !owner.has(sid)) add(jobId, sid);
  }
  const endOnly = c.jobOrder
    .map((id) => c.jobs.get(id))
    .filter((j) => j !== undefined && !j.hasStart && j.endMs !== undefined)
    .sort((a, b) => (a?.endMs ?? 0) - (b?.endMs ?? 0));
  let nextSynthetic = Math.max(-1, ...c.jobs.keys()) + 1;
  const synthetic = new Set<number>();
  for (const sid of c.stageOrder) {
    if (owner.has(sid)) continue;
    const stage = c.stages.get(sid) as StageRecord;
    const at = stage.submittedMs ?? stage.completedMs ?? 0;
    const host = endOnly.find((j) => (j?.endMs ?? 0) >= at);
    if (host) {
      add(host.id, sid);
      continue;
    }
    // A made-up job: join the one holding a parent stage, so a chain of orphan stages stays one job.
    const parentJob = stage.parents.map((p) => owner.get(p)).find((j) => j !== undefined && synthetic.has(j));
    const jobId = parentJob ?? nextSynthetic++;
    synthetic.add(jobId);
    add(jobId, sid);
  }
  // Each job's stages in submission order.
  const order = new Map(c.stageOrder.map((sid, i) => [sid, i]));
  for (const list of members.values()) list.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return members;
}

/** The stage's per-task durations in seconds, or undefined when it has no ended attempt to learn from. */
function stageDurations(stage: StageRecord, warnings: string[]): number[] | undefined {
  const ok = [...stage.successes].sort((a, b) => a.launchMs - b.launchMs).map((r) => round3(r.seconds));
  if (unfinished(stage)) {
    // Tasks that never ran did no work in the run being replayed: none is made up for them.
    const reason = (stage.failureReason ?? '').split('\n')[0].slice(0, 120);
    warnings.push(
      `stage ${stage.id}: ended without completing (${reason}) after ${ok.length} of ${stage.numTasks} task(s) ` +
        'succeeded; the replay runs those only',
    );
    return ok.length > 0 ? ok : undefined;
  }
  const count = stage.numTasks > 0 ? stage.numTasks : ok.length;
  if (count === 0) return undefined;
  const list = ok.slice(0, count);
  if (list.length < count) {
    const fill = median(ok) ?? median(stage.otherEnds);
    if (fill === undefined) return undefined;
    warnings.push(
      `stage ${stage.id}: ${count - list.length} of ${count} tasks had no successful attempt; ` +
        `used the ${ok.length > 0 ? 'median successful' : 'median attempt'} duration (${round3(fill)} s)`,
    );
    while (list.length < count) list.push(round3(fill));
  }
  return list;
}

/** A stage the log shows failed, cancelled or aborted, with no attempt that completed. */
function unfinished(stage: StageRecord): boolean {
  return stage.failureReason !== undefined && stage.completedOk !== true && stage.successes.length < stage.numTasks;
}

export function buildWorkload(c: EventCollector, fallbackName: string): WorkloadBuild {
  const warnings = c.warnings;
  const origin = originMs(c);
  const members = assignStages(c);
  const plans: JobPlan[] = [];
  const stageJson = new Map<number, Record<string, unknown>>();
  for (const [jobId, sids] of members) {
    const kept: number[] = [];
    for (const sid of sids) {
      const stage = c.stages.get(sid) as StageRecord;
      const seconds = stageDurations(stage, warnings);
      if (!seconds) {
        warnings.push(`stage ${sid}: no task attempt ended, so its durations are unknown; left out of the workload`);
        continue;
      }
      const s: Record<string, unknown> = { id: sid, tasks: seconds.length, duration: seconds };
      if (stage.name !== undefined) s.name = stage.name;
      if (stage.shuffleMapTasks) s.shuffleMap = true;
      if (stage.cachesRdd) s.cached = true;
      if (stage.profileId !== undefined && stage.profileId !== 0) s.profile = stage.profileId;
      stageJson.set(sid, s);
      kept.push(sid);
    }
    if (kept.length === 0) continue;
    const keptSet = new Set(kept);
    for (const sid of kept) {
      const parents = (c.stages.get(sid) as StageRecord).parents.filter((p) => keptSet.has(p));
      if (parents.length > 0) (stageJson.get(sid) as Record<string, unknown>).parents = parents;
    }
    const job = c.jobs.get(jobId);
    const stageTimes = kept.map((sid) => c.stages.get(sid) as StageRecord);
    const submitMs = job?.submitMs ?? Math.min(...stageTimes.map((s) => s.submittedMs ?? Infinity));
    const lastStageMs = Math.max(...stageTimes.map((s) => s.completedMs ?? -Infinity));
    const safeSubmit = Number.isFinite(submitMs) ? submitMs : origin;
    const endMs = job?.endMs ?? (Number.isFinite(lastStageMs) ? lastStageMs : safeSubmit);
    plans.push({ id: jobId, submitMs: safeSubmit, endMs: Math.max(endMs, safeSubmit), stageIds: kept });
  }
  if (plans.length === 0)
    return { ok: false, error: 'the log has no finished stages, so there is no workload to replay' };
  plans.sort((a, b) => a.submitMs - b.submitMs || a.id - b.id);

  let latestEnd = -Infinity;
  const jobs = plans.map((p, i) => {
    const j: Record<string, unknown> = { id: p.id };
    if (i === 0) j.submitAt = round3(Math.max(0, p.submitMs - origin) / 1000);
    else if (p.submitMs >= latestEnd) j.gapAfterPrevious = round3((p.submitMs - latestEnd) / 1000);
    else j.delayAfterPreviousSubmit = round3(Math.max(0, p.submitMs - plans[i - 1].submitMs) / 1000);
    latestEnd = Math.max(latestEnd, p.endMs);
    j.stages = p.stageIds.map((sid) => stageJson.get(sid));
    return j;
  });

  const json: Record<string, unknown> = { name: c.appName ?? fallbackName, executor: executorHints(c), jobs };
  const profiles = workloadProfiles(c, stageJson.values());
  if (profiles.length > 0) json.profiles = profiles;
  const parsed = parseWorkload(json);
  if (!parsed.ok) return { ok: false, error: `could not build a workload from the log: ${parsed.problem.message}` };

  let listed = 0;
  const allListed = new Set<number>();
  for (const job of c.jobs.values()) for (const sid of job.listedStages) allListed.add(sid);
  for (const sid of allListed) if (!c.stages.has(sid)) listed++;
  return { ok: true, workload: parsed.value, skippedStages: listed };
}

function positiveInt(s: string | undefined): number | undefined {
  if (s === undefined || !/^\s*\d+\s*$/.test(s)) return undefined;
  const n = Number.parseInt(s, 10);
  return n > 0 ? n : undefined;
}

/** Executor cores from spark.executor.cores, else the most common core count of the logged executors. */
function executorHints(c: EventCollector): Record<string, number> {
  const hints: Record<string, number> = {};
  let cores = positiveInt(c.conf['spark.executor.cores']);
  if (cores === undefined) {
    const counts = new Map<number, number>();
    for (const e of c.executors) if (e.cores > 0) counts.set(e.cores, (counts.get(e.cores) ?? 0) + 1);
    let best = 0;
    for (const [k, n] of counts) if (n > best) [best, cores] = [n, k];
  }
  if (cores !== undefined) hints.cores = cores;
  const taskCpus = positiveInt(c.conf['spark.task.cpus']);
  if (taskCpus !== undefined && (cores === undefined || taskCpus <= cores)) hints.taskCpus = taskCpus;
  return hints;
}

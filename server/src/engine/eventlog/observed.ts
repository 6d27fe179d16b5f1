// What the real cluster did: executor lifetimes, the executor-count step timeline, peak and executor-seconds.
import { PENDING_BUCKET_MS, type EventCollector } from './collect';
import { startBurst } from './start-burst';
import type { ObservedBacklog, ObservedExecutor, ObservedJob, ObservedRun, ObservedStep } from './types';

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The epoch-ms origin of all relative times: application start, else the earliest timestamp in the log. */
export function originMs(c: EventCollector): number {
  if (c.appStartMs !== undefined) return c.appStartMs;
  return Number.isFinite(c.minMs) ? c.minMs : 0;
}

/** The epoch-ms end: application end, else the latest timestamp in the log. */
export function endMs(c: EventCollector): number {
  if (c.appEndMs !== undefined) return c.appEndMs;
  return Number.isFinite(c.maxMs) ? c.maxMs : originMs(c);
}

export function buildObserved(c: EventCollector): ObservedRun {
  const origin = originMs(c);
  const end = endMs(c);
  const rel = (ms: number): number => round3((ms - origin) / 1000);

  const executors: ObservedExecutor[] = c.executors.map((r) => {
    const e: ObservedExecutor = { id: r.id, addedAt: rel(r.addedMs), cores: r.cores, tasks: r.tasks };
    if (r.removedMs !== undefined) e.removedAt = rel(r.removedMs);
    if (r.reason !== undefined) e.reason = r.reason;
    if (r.lastTaskEndMs !== undefined) e.lastTaskEndAt = rel(r.lastTaskEndMs);
    if (r.requestMs !== undefined) e.requestedAt = rel(r.requestMs);
    if (r.profileId !== undefined) e.profileId = r.profileId;
    return e;
  });

  // +1 at each addition, −1 at each removal; equal times merge into one step holding the count after all of them.
  const changes: { ms: number; delta: number }[] = [];
  let executorMs = 0;
  for (const r of c.executors) {
    changes.push({ ms: r.addedMs, delta: 1 });
    if (r.removedMs !== undefined) changes.push({ ms: r.removedMs, delta: -1 });
    executorMs += Math.max(0, (r.removedMs ?? Math.max(end, r.addedMs)) - r.addedMs);
  }
  changes.sort((a, b) => a.ms - b.ms);
  const timeline: ObservedStep[] = [{ t: 0, running: 0 }];
  let running = 0;
  let peak = 0;
  for (const ch of changes) {
    running += ch.delta;
    peak = Math.max(peak, running);
    const t = Math.max(0, rel(ch.ms));
    const last = timeline[timeline.length - 1];
    if (last.t === t) last.running = running;
    else timeline.push({ t, running });
  }
  const runtimeSec = Math.max(0, rel(end));
  const last = timeline[timeline.length - 1];
  if (last.t < runtimeSec) timeline.push({ t: runtimeSec, running: last.running });

  const run: ObservedRun = {
    executors,
    timeline,
    appStart: origin,
    runtimeSec,
    peakExecutors: peak,
    executorSeconds: round3(executorMs / 1000),
    jobs: observedJobs(c, rel, end),
    backlogs: backlogSpans(c, rel),
    launchDelays: launchDelays(c),
  };
  if (c.appEndMs !== undefined) run.appEnd = c.appEndMs;
  const burst = startBurst(c, executors, origin);
  if (burst) run.startBurst = burst;
  return run;
}

function observedJobs(c: EventCollector, rel: (ms: number) => number, lastMs: number): ObservedJob[] {
  const jobs: ObservedJob[] = [];
  for (const j of c.jobs.values()) {
    if (j.submitMs === undefined) continue;
    // A job with no JobEnd was still running when the log ends (the application stopped or the log was cut).
    const endMs = j.endMs ?? lastMs;
    const job: ObservedJob = { id: j.id, submittedAt: rel(j.submitMs), endedAt: rel(Math.max(endMs, j.submitMs)) };
    if (j.endMs === undefined || (j.result !== undefined && j.result !== 'JobSucceeded')) job.failed = true;
    jobs.push(job);
  }
  return jobs.sort((a, b) => a.submittedAt - b.submittedAt || a.id - b.id);
}

/** Spans where the running count of waiting tasks (submitted minus launched) was above zero. */
function backlogSpans(c: EventCollector, rel: (ms: number) => number): ObservedBacklog[] {
  const buckets = [...c.pendingDelta.keys()].sort((a, b) => a - b);
  const spans: ObservedBacklog[] = [];
  let pending = 0;
  let open: ObservedBacklog | undefined;
  for (const b of buckets) {
    // A retried task is launched again without a new submission: never count below zero.
    pending = Math.max(0, pending + (c.pendingDelta.get(b) ?? 0));
    const at = rel(b * PENDING_BUCKET_MS);
    if (pending > 0 && open === undefined) open = { from: at, to: at, peakPending: pending };
    else if (pending > 0 && open !== undefined) open.peakPending = Math.max(open.peakPending, pending);
    else if (pending === 0 && open !== undefined) {
      open.to = at;
      spans.push(open);
      open = undefined;
    }
  }
  if (open !== undefined) {
    open.to = rel(endMs(c));
    spans.push(open);
  }
  return spans;
}

/**
 * Stage submission → first task launch, per stage that has both (the driver's own delay before a stage runs). A stage
 * whose first task ran on an executor that registered after the submission waited for that executor, not for the
 * driver: its delay counts from the registration.
 */
function launchDelays(c: EventCollector): number[] {
  const out: number[] = [];
  for (const sid of c.stageOrder) {
    const stage = c.stages.get(sid);
    if (stage?.submittedMs === undefined || stage.firstLaunchMs === undefined) continue;
    const ready = Math.max(stage.submittedMs, stage.firstLaunchExecutorAddedMs ?? 0);
    out.push(round3(Math.max(0, stage.firstLaunchMs - ready) / 1000));
  }
  return out;
}

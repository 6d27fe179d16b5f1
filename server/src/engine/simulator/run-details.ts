// Per-job times and executor lifetimes of a cluster run, in the result's units (seconds, string executor ids).
import type { ClusterRunOutput } from './cluster-sim';
import { DEFAULT_PROFILE_ID } from './clock';
import type { ExecutorLifetime, RunDetails, SimulatedJob } from './result';

const sec = (ms: number): number => Math.round(ms) / 1000;

export function runDetails(run: ClusterRunOutput): RunDetails {
  const jobs = run.jobs.map((j): SimulatedJob => {
    const job: SimulatedJob = { id: j.id, startSec: sec(j.startMs) };
    if (j.endMs !== undefined) job.endSec = sec(j.endMs);
    return job;
  });
  const executors = run.executors.map((e): ExecutorLifetime => {
    const life: ExecutorLifetime = {
      id: String(e.id),
      profile: DEFAULT_PROFILE_ID,
      addedSec: sec(e.addedMs),
      reason: e.removedMs === undefined ? 'alive at the end' : 'idle timeout',
    };
    if (e.removedMs !== undefined) life.removedSec = sec(e.removedMs);
    return life;
  });
  return { jobs, executors, lastJobEndSec: sec(run.jobsEndMs) };
}

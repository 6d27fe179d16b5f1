// Per-job times and executor lifetimes of a cluster run, in the result's units (seconds, string executor ids).
import type { ClusterRunOutput } from './cluster-sim';
import type { ExecutorLifetime, RunDetails, SimulatedJob, SimulatedStage } from '../../../../protocol/simulation';
import { stepIntegral } from './steps';

const sec = (ms: number): number => Math.round(ms) / 1000;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function runDetails(run: ClusterRunOutput): RunDetails {
  const jobs = run.jobs.map((j): SimulatedJob => {
    const job: SimulatedJob = { id: j.id, startSec: sec(j.startMs) };
    if (j.endMs !== undefined) job.endSec = sec(j.endMs);
    return job;
  });
  const stages = run.stages.map((st): SimulatedStage => {
    const stage: SimulatedStage = { id: st.id, startSec: sec(st.startMs) };
    if (st.endMs !== undefined) stage.endSec = sec(st.endMs);
    return stage;
  });
  const executors = run.executors.map((e): ExecutorLifetime => {
    const life: ExecutorLifetime = {
      id: String(e.id),
      profile: e.profile,
      addedSec: sec(e.addedMs),
      reason:
        e.removedMs === undefined ? 'alive at the end' : e.reason === 'lost' ? 'lost (as in the log)' : 'idle timeout',
    };
    if (e.removedMs !== undefined) life.removedSec = sec(e.removedMs);
    return life;
  });
  const lastJobEndSec = sec(run.jobsEndMs);
  const firstJobSec = jobs.reduce((m, j) => Math.min(m, j.startSec), jobs.length > 0 ? Infinity : 0);
  const endSec = sec(run.endMs);
  const points = run.timeline;
  return {
    jobs,
    stages,
    executors,
    lastJobEndSec,
    jobWindowExecutorSeconds: round3(stepIntegral(points, endSec, firstJobSec, lastJobEndSec)),
    appWindowExecutorSeconds: round3(stepIntegral(points, endSec, 0, endSec)),
  };
}

// How close a replay of the logged configuration came to what the log shows: executor-seconds over the job window
// and the application window, the mean gap in running executors sampled every second, peaks, per-job durations.
import type { SimulationResult } from '../../../../protocol/simulation';
import type { FidelityReport, JobFidelity, WindowFidelity } from '../../../../protocol/replay-types';
import { highest, lowest } from './extremes';
import type { ObservedRun } from './types';
import { stepAt, stepIntegral } from '../simulator/steps';

export { stepAt, stepIntegral } from '../simulator/steps';

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * When a simulated job counts as matching the log: within 10 % of the logged duration, or within 1 s for jobs shorter
 * than 10 s (whose timestamps and 100 ms ticks make a percentage meaningless).
 */
export const JOB_TARGET = { pct: 10, shortJobSec: 10, shortJobToleranceSec: 1 } as const;

export function jobWithinTarget(observedSec: number, simulatedSec: number): boolean {
  const gap = Math.abs(simulatedSec - observedSec);
  if (observedSec < JOB_TARGET.shortJobSec) return gap <= JOB_TARGET.shortJobToleranceSec;
  return gap <= (observedSec * JOB_TARGET.pct) / 100;
}

/** A span of the observed run and the executor-seconds the log shows in it (seconds from application start). */
export interface ObservedWindow {
  fromSec: number;
  toSec: number;
  executorSeconds: number;
}

/** The observed job window (first job submitted → last job ended) and application window (start → end). */
export function observedWindows(observed: ObservedRun): { job: ObservedWindow; app: ObservedWindow } {
  const steps = observed.timeline;
  const end = observed.runtimeSec;
  const jobs = observed.jobs;
  const from = jobs.length > 0 ? lowest(jobs.map((j) => j.submittedAt)) : 0;
  const to = jobs.length > 0 ? highest(jobs.map((j) => j.endedAt)) : end;
  const window = (a: number, b: number): ObservedWindow => ({
    fromSec: a,
    toSec: b,
    executorSeconds: round3(stepIntegral(steps, end, a, b)),
  });
  return { job: window(from, to), app: window(0, end) };
}

function windowFidelity(observed: number, simulated: number): WindowFidelity {
  const errorPct = observed === 0 ? (simulated === 0 ? 0 : 100) : ((simulated - observed) / observed) * 100;
  return {
    observedExecutorSeconds: round3(observed),
    simulatedExecutorSeconds: round3(simulated),
    errorPct: round1(errorPct),
  };
}

/** Compares the DRA run of a replay (made with `details`) with the observed run. */
export function computeFidelity(observed: ObservedRun, result: SimulationResult): FidelityReport {
  const obsSteps = observed.timeline;
  const obsEnd = observed.runtimeSec;
  const sim = result.dra;
  const simSteps = sim.timeline;
  const simEnd = simSteps.length > 0 ? simSteps[simSteps.length - 1].t : 0;

  const windows = observedWindows(observed);
  const appWindow = windowFidelity(windows.app.executorSeconds, stepIntegral(simSteps, simEnd, 0, simEnd));
  const obsJobs = observed.jobs;
  const simJobs = sim.jobs ?? [];
  const simFrom = simJobs.length > 0 ? lowest(simJobs.map((j) => j.startSec)) : 0;
  const simTo = sim.lastJobEndSec ?? simEnd;
  const jobWindow = windowFidelity(windows.job.executorSeconds, stepIntegral(simSteps, simEnd, simFrom, simTo));

  const horizon = Math.max(obsEnd, simEnd);
  let gap = 0;
  let samples = 0;
  for (let t = 0; t <= horizon; t++) {
    gap += Math.abs(stepAt(obsSteps, obsEnd, t) - stepAt(simSteps, simEnd, t));
    samples++;
  }
  const meanAbsExecutorError = round3(samples > 0 ? gap / samples : 0);

  const simById = new Map(simJobs.map((j) => [j.id, j]));
  const jobs = obsJobs.map((o): JobFidelity => {
    const observedSec = round3(o.endedAt - o.submittedAt);
    const s = simById.get(o.id);
    const out: JobFidelity = { id: o.id, observedSec };
    if (o.failed) out.failedInLog = true;
    if (s?.endSec !== undefined) {
      const simulatedSec = round3(s.endSec - s.startSec);
      out.simulatedSec = simulatedSec;
      out.errorSec = round3(simulatedSec - observedSec);
      if (observedSec > 0) out.errorPct = round1(((simulatedSec - observedSec) / observedSec) * 100);
      if (!o.failed) out.withinTarget = jobWithinTarget(observedSec, simulatedSec);
    }
    return out;
  });

  const pct = (w: WindowFidelity): string => `${Math.abs(w.errorPct).toFixed(0)}%`;
  const summary =
    `logged configuration replayed: executor-seconds within ${pct(appWindow)} of what happened ` +
    `(job window ${pct(jobWindow)}), mean error ${meanAbsExecutorError.toFixed(1)} executors, ` +
    `peak ${sim.summary.peakExecutors} vs ${observed.peakExecutors}`;
  return {
    jobWindow,
    appWindow,
    meanAbsExecutorError,
    observedPeak: observed.peakExecutors,
    simulatedPeak: sim.summary.peakExecutors,
    jobs,
    summary,
  };
}

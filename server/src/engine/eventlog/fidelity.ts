// How close a replay of the logged configuration came to what the log shows: executor-seconds over the job window
// and the application window, the mean gap in running executors sampled every second, peaks, per-job durations.
import type { SimulationResult } from '../simulator/result';
import type { FidelityReport, JobFidelity, WindowFidelity } from '../simulator/replay-types';
import { highest, lowest } from './extremes';
import type { ObservedRun } from './types';

interface Step {
  t: number;
  running: number;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Integral of a step timeline over [from, to] (the last step holds until `end`, nothing after it). */
export function stepIntegral(steps: readonly Step[], end: number, from: number, to: number): number {
  let total = 0;
  for (let i = 0; i < steps.length; i++) {
    const a = Math.max(from, steps[i].t);
    const b = Math.min(to, i + 1 < steps.length ? steps[i + 1].t : end);
    if (b > a) total += steps[i].running * (b - a);
  }
  return total;
}

/** Running executors at t: the last step at or before t; 0 before the first step and after `end`. */
export function stepAt(steps: readonly Step[], end: number, t: number): number {
  if (steps.length === 0 || t < steps[0].t || t > end) return 0;
  let low = 0;
  let high = steps.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (steps[mid].t <= t) low = mid;
    else high = mid - 1;
  }
  return steps[low].running;
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

  const appWindow = windowFidelity(
    stepIntegral(obsSteps, obsEnd, 0, obsEnd),
    stepIntegral(simSteps, simEnd, 0, simEnd),
  );

  const obsJobs = observed.jobs;
  const obsFrom = obsJobs.length > 0 ? lowest(obsJobs.map((j) => j.submittedAt)) : 0;
  const obsTo = obsJobs.length > 0 ? highest(obsJobs.map((j) => j.endedAt)) : obsEnd;
  const simJobs = sim.jobs ?? [];
  const simFrom = simJobs.length > 0 ? lowest(simJobs.map((j) => j.startSec)) : 0;
  const simTo = sim.lastJobEndSec ?? simEnd;
  const jobWindow = windowFidelity(
    stepIntegral(obsSteps, obsEnd, obsFrom, obsTo),
    stepIntegral(simSteps, simEnd, simFrom, simTo),
  );

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
    if (s?.endSec !== undefined) {
      const simulatedSec = round3(s.endSec - s.startSec);
      out.simulatedSec = simulatedSec;
      out.errorSec = round3(simulatedSec - observedSec);
      if (observedSec > 0) out.errorPct = round1(((simulatedSec - observedSec) / observedSec) * 100);
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

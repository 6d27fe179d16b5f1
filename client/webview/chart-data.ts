// Puts the simulated timeline and an event log's observed executor steps on one x axis for uPlot, whose series all
// share one array of x values. Both are step functions, so a value holds from its sample until the next one. Pure.
import type { ObservedPoint } from '../../protocol/requests';

export interface AlignedTimelines {
  /** Every sample time of either timeline, in order (a time both have appears once). */
  xs: number[];
  /** Per x: index of the simulated sample in effect, or -1 before the first and after the last simulated sample. */
  sim: number[];
  /** Per x: observed executors in effect, or null before the first observed step and after the observed end. */
  observed: (number | null)[];
}

/**
 * Merges the two timelines (each sorted by time). The observed steps are drawn up to `observedEnd` (the observed
 * runtime) when that lies after the last step, holding its value.
 */
export function alignTimelines(
  sim: readonly { t: number }[],
  observedSteps: readonly ObservedPoint[],
  observedEnd: number,
): AlignedTimelines {
  const obs: ObservedPoint[] = [...observedSteps];
  const lastObs = obs[obs.length - 1];
  if (lastObs && Number.isFinite(observedEnd) && observedEnd > lastObs.t)
    obs.push({ t: observedEnd, running: lastObs.running });
  const simEnd = sim.length > 0 ? (sim[sim.length - 1]?.t ?? -Infinity) : -Infinity;
  const obsEnd = obs.length > 0 ? (obs[obs.length - 1]?.t ?? -Infinity) : -Infinity;
  const out: AlignedTimelines = { xs: [], sim: [], observed: [] };
  let i = 0;
  let j = 0;
  while (i < sim.length || j < obs.length) {
    const ts = sim[i]?.t ?? Infinity;
    const to = obs[j]?.t ?? Infinity;
    const t = Math.min(ts, to);
    if (ts === t) i++;
    if (to === t) j++;
    out.xs.push(t);
    out.sim.push(i > 0 && t <= simEnd ? i - 1 : -1);
    out.observed.push(j > 0 && t <= obsEnd ? (obs[j - 1]?.running ?? null) : null);
  }
  return out;
}

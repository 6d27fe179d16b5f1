// One candidate simulated on the search target: the same call `spark-dra simulate --conf` makes, so a point's figures
// are reproducible from its changes. Only the DRA run's figures are compared.
import { simulateConf } from '../simulator/simulate-job';
import type { Changes, Evaluation, SearchTarget } from './types';

export function evaluateCandidate(target: SearchTarget, changes: Changes): Evaluation {
  const overrides = { ...(target.options.overrides ?? {}), ...changes };
  // Only the DRA run is compared: the static baseline is left out.
  const outcome = simulateConf(target.base, { ...target.options, overrides, baseline: false });
  if (!outcome.ok) return { ok: false, problem: outcome.problem };
  const summary = outcome.value.dra.summary;
  return {
    ok: true,
    figures: {
      runtimeSec: summary.runtimeSec,
      costUsd: summary.cost.total,
      executorSeconds: summary.executorSeconds,
    },
  };
}

/** A stable text for a set of changes (keys sorted), to spot candidates already tried. */
export function changesKey(changes: Changes): string {
  return Object.keys(changes)
    .sort()
    .map((key) => `${key}=${changes[key]}`)
    .join('\n');
}

// The advisor's two summary sentences: the recommendation against the file as written, and what the search covered.
// Shown above the advisor chart and written into its exported PNG.
import type { Advice } from '../../protocol/advice';
import { runtimeLimit } from './advisor-points';
import { countOf, formatDuration, formatUsd, trim } from './format';

export function recommendationLine(advice: Advice): string {
  const r = advice.recommended;
  const limit = `${trim(advice.maxSlowdownPct, 1)}%`;
  if (!r) return `No configuration costs less than the file as written within ${limit} of its runtime.`;
  const n = Object.keys(r.changes).length;
  const saving = advice.current.costUsd - r.costUsd;
  const pct = advice.current.costUsd > 0 ? Math.round((saving / advice.current.costUsd) * 100) : 0;
  return `Recommended: ${formatUsd(r.costUsd)} instead of ${formatUsd(advice.current.costUsd)} (${pct}% less) in ${formatDuration(r.runtimeSec)} instead of ${formatDuration(advice.current.runtimeSec)}, with ${n} change${n === 1 ? '' : 's'}.`;
}

export function searchLine(advice: Advice): string {
  const w = advice.workload;
  return `${trim(advice.candidates, 0)} configurations simulated on “${w.name}” (${countOf(w.jobs, 'job')}, ${countOf(w.stages, 'stage')}, ${countOf(w.tasks, 'task')}), Spark ${advice.sparkVersion}. Limit: at most ${trim(advice.maxSlowdownPct, 1)}% slower than the file (${formatDuration(runtimeLimit(advice))}).`;
}

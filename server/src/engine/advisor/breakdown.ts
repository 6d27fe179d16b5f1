// Where the searched configuration's executor time goes. The per-category breakdown of a run is not computed by
// this build's simulator yet: the advisor reports it as empty and says so, rather than guessing.
import { EXECUTOR_TIME_CATEGORIES, type ExecutorTimeBreakdown } from '../../../../protocol/advice';

export function emptyBreakdown(): { breakdown: ExecutorTimeBreakdown; verdict: string; note: string } {
  const seconds = Object.fromEntries(EXECUTOR_TIME_CATEGORIES.map((c) => [c, 0])) as ExecutorTimeBreakdown['seconds'];
  return {
    breakdown: { seconds, totalSec: 0 },
    verdict: '',
    note: 'Where executor time goes (the breakdown and its verdict) is not computed by this build: both are left empty.',
  };
}

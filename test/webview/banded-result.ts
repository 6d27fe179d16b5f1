// A result with job, stage and executor times, for the band tests and the screenshots that show bands.
import type { SimulationResult } from '../../protocol/simulation';
import { sampleResult } from './fixtures';

/** Three jobs, the second running two stages side by side, and six executors, one alive at the end. */
export function bandedResult(): SimulationResult {
  const r = sampleResult();
  r.staticRightSized = { ...r.static, executors: 24 };
  r.workload = {
    ...r.workload,
    name: 'wide-then-narrow',
    source: 'preset',
    description: 'A wide stage, then a narrow one.',
  };
  r.dra.summary.cost = { ...r.dra.summary.cost, computePriced: false };
  Object.assign(r.dra, {
    jobs: [
      { id: 0, startSec: 10, endSec: 200 },
      { id: 1, startSec: 210, endSec: 420 },
      { id: 2, startSec: 430 },
    ],
    stages: [
      { id: 0, startSec: 10, endSec: 200 },
      { id: 1, startSec: 210, endSec: 400 },
      { id: 2, startSec: 220, endSec: 420 },
      { id: 3, startSec: 430 },
    ],
    executors: [1, 2, 3, 4, 5, 6].map((n) => ({
      id: String(n),
      profile: 0,
      addedSec: 10 + n * 5,
      ...(n === 6 ? {} : { removedSec: 300 + n * 20 }),
      reason: n === 6 ? 'alive at the end' : 'idle timeout',
    })),
  });
  return r;
}

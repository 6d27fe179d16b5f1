// The one- or two-sentence verdict on a run's executor time: the largest share that settings could avoid, and only
// changes that would actually release it. Busy time is the work itself; `starting` and `decommissioning` are the
// price of every executor that comes and goes, so they are named only when nothing else stands out.
import type { ExecutorTimeBreakdown } from '../../../../protocol/advice';
import type { AllocationConfig } from '../simulator/config';
import type { ExecutorTimeSplit } from '../simulator/time-ledger';
import { INT_MAX } from '../spark-constants';

export interface VerdictInput {
  breakdown: ExecutorTimeBreakdown;
  /** Inside `idle-timeout`: seconds kept past executorIdleTimeout by shuffle files of jobs that had ended. */
  inactiveShuffleSec: number;
  /** Inside `cache-held`: seconds the executor also held shuffle files of ended jobs (both timeouts matter). */
  cacheWithShuffleSec: number;
  /** Whether the run used dynamic allocation (false: a fixed executor count, as written or as the static baseline). */
  dynamicAllocation: boolean;
  config: Pick<
    AllocationConfig,
    | 'executorIdleTimeoutMs'
    | 'cachedExecutorIdleTimeoutMs'
    | 'shuffleTrackingTimeoutMs'
    | 'minExecutors'
    | 'maxExecutors'
    | 'shuffleTrackingActive'
    | 'shuffleStorage'
  >;
}

/** Below this share of executor time, no idle category is worth a change. */
const WORTH_NAMING = 0.1;

type Share = 'shuffle-pinned' | 'cache-held' | 'idle-timer' | 'inactive-shuffle' | 'floor';

function percent(part: number, total: number): string {
  return `${Math.round((100 * part) / total)}%`;
}

/** A duration as a key's value reads: 90s, 30min, 2h; "never" for no limit. */
export function durationText(ms: number): string {
  if (!Number.isFinite(ms) || ms >= INT_MAX * 1000) return 'never';
  const s = Math.round(ms / 1000);
  if (s % 3600 === 0 && s > 0) return `${s / 3600}h`;
  if (s % 60 === 0 && s > 0) return `${s / 60}min`;
  return `${s}s`;
}

function shares(input: VerdictInput): Array<[Share, number]> {
  const s = input.breakdown.seconds;
  const list: Array<[Share, number]> = [
    ['shuffle-pinned', s['shuffle-pinned']],
    ['cache-held', s['cache-held']],
    ['idle-timer', Math.max(0, s['idle-timeout'] - input.inactiveShuffleSec)],
    ['inactive-shuffle', input.inactiveShuffleSec],
    ['floor', s.floor],
  ];
  return list.sort((a, b) => b[1] - a[1]);
}

/** What would release executors kept for shuffle files a running job reads: never a timeout. */
function releasePinned(input: VerdictInput): string {
  const { config } = input;
  const max = config.maxExecutors < INT_MAX ? ` (now ${config.maxExecutors})` : '';
  if (config.shuffleStorage === 'migrated') {
    return `Shuffle migration is already on, so turning shuffle tracking off would let them go (their files move first), as would a lower maxExecutors${max}.`;
  }
  return `Storage decommissioning with shuffle migration and shuffle tracking off, a remote shuffle service with its ShuffleDataIO plugin, or a lower maxExecutors${max} would.`;
}

function sentence(kind: Share, part: number, input: VerdictInput): string {
  const { config, breakdown } = input;
  const share = percent(part, breakdown.totalSec);
  switch (kind) {
    case 'shuffle-pinned':
      return `${share} of executor time is idle executors kept for shuffle files of a running job; no timeout releases them (shuffleTracking.timeout only counts once no running job reads the shuffle). ${releasePinned(input)}`;
    case 'cache-held': {
      const both =
        input.cacheWithShuffleSec > 0
          ? ', with a shorter shuffleTracking.timeout, as they also hold shuffle files of finished jobs'
          : '';
      return `${share} of executor time is idle executors kept for cached blocks. A shorter cachedExecutorIdleTimeout (now ${durationText(config.cachedExecutorIdleTimeoutMs)})${both} would release them, at the cost of recomputing those blocks if they are read again.`;
    }
    case 'inactive-shuffle':
      return `${share} of executor time is idle executors kept past executorIdleTimeout for shuffle files of jobs that have ended. A shuffleTracking.timeout (now ${durationText(config.shuffleTrackingTimeoutMs)}) would release them; a later job that reads those shuffles again would then recompute their map output.`;
    case 'idle-timer':
      return `${share} of executor time is idle executors waiting out executorIdleTimeout (now ${durationText(config.executorIdleTimeoutMs)}). A shorter timeout would release them sooner, at the risk of asking for executors again when the next stage starts.`;
    case 'floor':
      return config.minExecutors > 0
        ? `${share} of executor time is idle executors past every timeout, kept by minExecutors (now ${config.minExecutors}). A lower minExecutors would release them, at the cost of starting executors again for later work.`
        : `${share} of executor time is idle executors past every timeout, kept because removing them would go below the allocation manager's current target; that time ends as the pending work drains.`;
  }
}

/** One or two sentences on where the run's executor time went and what would release the largest avoidable share. */
export function executorTimeVerdict(input: VerdictInput): string {
  const { breakdown } = input;
  const total = breakdown.totalSec;
  if (total <= 0) return 'No executor ran, so there is no executor time to account for.';
  const busy = percent(breakdown.seconds.busy, total);
  if (!input.dynamicAllocation) {
    const idle = breakdown.seconds.floor;
    if (idle / total < WORTH_NAMING)
      return `Executors are busy ${busy} of their time; the fixed executor count fits this workload.`;
    return `${percent(idle, total)} of executor time is idle executors the fixed count keeps. Dynamic allocation would release idle executors (with shuffle tracking, not those holding shuffle files a running job reads).`;
  }
  const [kind, part] = shares(input)[0];
  if (part / total >= WORTH_NAMING) return sentence(kind, part, input);
  const overhead = breakdown.seconds.starting + breakdown.seconds.decommissioning;
  const tail =
    overhead / total >= WORTH_NAMING
      ? ` Starting and leaving executors take ${percent(overhead, total)}: fewer, longer-lived executors (a longer executorIdleTimeout or a higher minExecutors) would cut that.`
      : ' No idle share reaches 10%: the settings fit this workload.';
  return `Executors are busy ${busy} of their time.${tail}`;
}

/** The verdict of a simulated run, from the simulator's own split of its executor time. */
export function runVerdict(
  split: ExecutorTimeSplit,
  breakdown: ExecutorTimeBreakdown,
  dynamicAllocation: boolean,
  config: VerdictInput['config'],
): string {
  return executorTimeVerdict({
    breakdown,
    inactiveShuffleSec: Math.round(split.inactiveShuffleMs) / 1000,
    cacheWithShuffleSec: Math.round(split.cacheWithShuffleMs) / 1000,
    dynamicAllocation,
    config,
  });
}

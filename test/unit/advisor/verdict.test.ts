// The verdict: the largest avoidable share of executor time and only changes that would release it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExecutorTimeBreakdown, ExecutorTimeCategory } from '../../../protocol/advice';
import { durationText, executorTimeVerdict, type VerdictInput } from '../../../server/src/engine/advisor/verdict';
import { simulateConf } from '../../../server/src/engine/simulator/simulate-job';
import type { Workload } from '../../../server/src/engine/workload/types';
import { stage } from '../simulator/stage';

function breakdown(seconds: Partial<Record<ExecutorTimeCategory, number>>): ExecutorTimeBreakdown {
  const full: Record<ExecutorTimeCategory, number> = {
    busy: 0,
    'shuffle-pinned': 0,
    'cache-held': 0,
    'idle-timeout': 0,
    floor: 0,
    starting: 0,
    decommissioning: 0,
    ...seconds,
  };
  return { seconds: full, totalSec: Object.values(full).reduce((a, b) => a + b, 0) };
}

const CONFIG: VerdictInput['config'] = {
  executorIdleTimeoutMs: 60_000,
  cachedExecutorIdleTimeoutMs: Infinity,
  shuffleTrackingTimeoutMs: Infinity,
  minExecutors: 0,
  maxExecutors: 50,
  shuffleTrackingActive: true,
  shuffleStorage: 'local',
};

function verdict(seconds: Partial<Record<ExecutorTimeCategory, number>>, over: Partial<VerdictInput> = {}): string {
  return executorTimeVerdict({
    breakdown: breakdown(seconds),
    inactiveShuffleSec: 0,
    cacheWithShuffleSec: 0,
    dynamicAllocation: true,
    config: CONFIG,
    ...over,
  });
}

test('verdict: shuffle-pinned largest → no timeout releases it; migration, a remote service or a lower max would', () => {
  const v = verdict({ busy: 200, 'shuffle-pinned': 780, starting: 20 });
  assert.match(v, /^78% of executor time is idle executors kept for shuffle files of a running job; no timeout/);
  assert.match(v, /shuffle migration and shuffle tracking off/);
  assert.match(v, /remote shuffle service/);
  assert.match(v, /lower maxExecutors \(now 50\) would\.$/);
  assert.doesNotMatch(v, /A shuffleTracking\.timeout|shorter shuffleTracking/);
});

test('verdict: shuffle-pinned with migration already on → turning tracking off would release them', () => {
  const v = verdict({ busy: 300, 'shuffle-pinned': 700 }, { config: { ...CONFIG, shuffleStorage: 'migrated' } });
  assert.match(v, /migration is already on, so turning shuffle tracking off would let them go/);
});

test('verdict: idle-timeout held by shuffle files of ended jobs → shuffleTracking.timeout would release them', () => {
  const v = verdict({ busy: 300, 'idle-timeout': 700 }, { inactiveShuffleSec: 650 });
  assert.match(
    v,
    /^65% of executor time .* shuffle files of jobs that have ended\. A shuffleTracking\.timeout \(now never\)/,
  );
  const set = verdict(
    { busy: 300, 'idle-timeout': 700 },
    { inactiveShuffleSec: 650, config: { ...CONFIG, shuffleTrackingTimeoutMs: 300_000 } },
  );
  assert.match(set, /A shorter shuffleTracking\.timeout \(now 5min\) would release them/);
});

test('verdict: idle-timeout on the plain idle timer → a shorter executorIdleTimeout, with its risk', () => {
  const v = verdict({ busy: 600, 'idle-timeout': 400 }, { config: { ...CONFIG, executorIdleTimeoutMs: 300_000 } });
  assert.match(v, /^40% .* waiting out executorIdleTimeout \(now 5min\)\. A shorter timeout/);
});

test('verdict: cache-held → cachedExecutorIdleTimeout, and the tracking timeout too when shuffles are held as well', () => {
  assert.match(verdict({ busy: 500, 'cache-held': 500 }), /cachedExecutorIdleTimeout \(now never\) would release/);
  assert.match(
    verdict({ busy: 500, 'cache-held': 500 }, { cacheWithShuffleSec: 100 }),
    /with a shorter shuffleTracking\.timeout/,
  );
});

test('verdict: floor → a lower minExecutors when it is set, the target otherwise', () => {
  assert.match(
    verdict({ busy: 500, floor: 500 }, { config: { ...CONFIG, minExecutors: 4 } }),
    /kept by minExecutors \(now 4\)\. A lower minExecutors/,
  );
  assert.match(verdict({ busy: 500, floor: 500 }), /current target/);
});

test('verdict: mostly busy → says the settings fit; a fixed count with idle time → dynamic allocation would release it', () => {
  assert.match(verdict({ busy: 950, 'idle-timeout': 30, starting: 20 }), /^Executors are busy 95% .* settings fit/);
  assert.match(
    verdict({ busy: 500, floor: 500 }, { dynamicAllocation: false }),
    /^50% .* the fixed count keeps\. Dynamic allocation/,
  );
  assert.match(verdict({}), /No executor ran/);
});

test('verdict: durations read like key values', () => {
  assert.deepEqual(
    [durationText(90_000), durationText(1_800_000), durationText(7_200_000), durationText(Infinity)],
    ['90s', '30min', '2h', 'never'],
  );
});

test('shuffle-tracking-no-timeout: on a single-job application a timeout releases nothing pinned → the verdict does not offer it', () => {
  // 20 map tasks spread over up to 10 executors, then one long reduce: the others hold map output the running job
  // still reads. Setting shuffleTracking.timeout changes neither the pinned seconds nor the cost.
  const workload: Workload = {
    name: 'single-job',
    seed: 1,
    executor: {},
    jobs: [
      {
        id: 0,
        start: { kind: 'at', seconds: 0 },
        reusesShuffles: [],
        stages: [stage(0, 20, 30, { shuffleMap: true }), stage(1, 1, 600, { parents: [0] })],
      },
    ],
  };
  const conf = {
    'spark.dynamicAllocation.enabled': 'true',
    'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
    'spark.dynamicAllocation.maxExecutors': '10',
  };
  const run = (extra: Record<string, string>) => {
    const r = simulateConf({ ...conf, ...extra }, { sparkVersion: '3.5.1', workload });
    if (!r.ok) assert.fail(r.problem.message);
    return r.value;
  };
  const without = run({});
  const withTimeout = run({ 'spark.dynamicAllocation.shuffleTracking.timeout': '30s' });
  const pinned = without.dra.breakdown.seconds['shuffle-pinned'];
  assert.ok(pinned / without.dra.breakdown.totalSec > 0.5, `pinned ${pinned} of ${without.dra.breakdown.totalSec}`);
  assert.equal(withTimeout.dra.breakdown.seconds['shuffle-pinned'], pinned);
  assert.equal(withTimeout.dra.summary.cost.total, without.dra.summary.cost.total);
  assert.match(without.verdict, /no timeout releases them/);
  assert.doesNotMatch(without.verdict, /A shuffleTracking\.timeout/);
});

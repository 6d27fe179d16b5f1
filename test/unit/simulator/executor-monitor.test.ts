// Scenarios M1–M4 of spark-facts §4 and the version rules of the executor timeouts (§3.5).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../server/src/engine/simulator/clock';
import type { TimeoutRule } from '../../../server/src/engine/simulator/config';
import { ExecutorMonitor, type ExecutorMonitorSettings } from '../../../server/src/engine/simulator/executor-monitor';

const IDLE = 60_000;
const STORAGE = 120_000;
const SHUFFLE = 240_000;

function monitorSuite(
  opts: { tracking?: boolean; rule?: TimeoutRule; shuffleTimeout?: number; idle?: number; cached?: number } = {},
): { monitor: ExecutorMonitor; clock: ManualClock } {
  const settings: ExecutorMonitorSettings = {
    executorIdleTimeoutMs: opts.idle ?? IDLE,
    cachedExecutorIdleTimeoutMs: opts.cached ?? STORAGE,
    shuffleTrackingTimeoutMs: opts.shuffleTimeout ?? SHUFFLE,
    shuffleTrackingActive: opts.tracking ?? false,
    shuffleServiceEnabled: !(opts.tracking ?? false),
    fetchRddFromShuffleService: false,
    timeoutRule: opts.rule ?? 'max-of-all',
  };
  const clock = new ManualClock(0);
  return { monitor: new ExecutorMonitor(settings, clock), clock };
}

const ids = (monitor: ExecutorMonitor, at?: number): string[] => monitor.timedOutExecutors(at).map((e) => e.id);

describe('M1 timeouts by content', () => {
  it('uses the idle timeout, the storage timeout while blocks are cached, and never while busy', () => {
    const { monitor } = monitorSuite();
    monitor.onExecutorAdded('1');
    assert.equal(monitor.state('1')?.idle, true);
    assert.deepEqual(ids(monitor, IDLE - 1), []);
    assert.deepEqual(ids(monitor, IDLE), ['1']);
    monitor.onBlockUpdated('1', 1, true);
    assert.equal(monitor.state('1')?.idle, true);
    assert.deepEqual(ids(monitor, IDLE + 1), []);
    assert.deepEqual(ids(monitor, STORAGE + 1), ['1']);
    monitor.onBlockUpdated('1', 1, false);
    assert.deepEqual(ids(monitor, IDLE + 1), ['1']);
    monitor.onTaskStart('1');
    assert.equal(monitor.state('1')?.idle, false);
    monitor.onBlockUpdated('1', 1, true);
    assert.equal(monitor.state('1')?.idle, false);
    monitor.onBlockUpdated('1', 1, false);
    assert.equal(monitor.state('1')?.idle, false);
    assert.deepEqual(ids(monitor, 10 * STORAGE), []);
  });

  it('restarts the idle clock when the last running task ends', () => {
    const { monitor, clock } = monitorSuite();
    monitor.onExecutorAdded('1');
    monitor.onTaskStart('1');
    for (let i = 0; i < 9; i++) {
      monitor.onTaskStart('1');
      monitor.onTaskEnd('1', 1, true);
      assert.equal(monitor.state('1')?.idle, false);
    }
    clock.setTime(5000);
    monitor.onTaskEnd('1', 1, true);
    assert.equal(monitor.state('1')?.idle, true);
    assert.deepEqual(ids(monitor), []);
    assert.deepEqual(ids(monitor, 5000 + IDLE), ['1']);
  });
});

describe('M2 multiple executors', () => {
  it('times each executor out on its own deadline', () => {
    const { monitor, clock } = monitorSuite();
    monitor.onExecutorAdded('1');
    clock.setTime(30_000);
    monitor.onExecutorAdded('2');
    monitor.onBlockUpdated('2', 1, true);
    assert.ok(!ids(monitor, IDLE + 1).includes('2'));
    clock.setTime(60_000);
    monitor.onExecutorAdded('3');
    assert.deepEqual(ids(monitor), ['1']);
    monitor.onBlockUpdated('3', 1, true);
    assert.deepEqual(ids(monitor, IDLE + 1), ['1']);
    assert.equal(monitor.state('3')?.timeoutAtMs, 180_000);
    clock.setTime(140_000);
    monitor.onBlockUpdated('3', 1, false);
    assert.deepEqual(ids(monitor), ['1', '3']);
    clock.setTime(150_000);
    assert.deepEqual(ids(monitor), ['1', '2', '3']);
  });
});

describe('M3 pending removal', () => {
  it('leaves killed executors out of the timed-out list, and busy ones until idle again', () => {
    const { monitor, clock } = monitorSuite();
    monitor.onExecutorAdded('1');
    monitor.onExecutorAdded('2');
    monitor.onExecutorAdded('3', 1);
    clock.setTime(IDLE + 1);
    assert.deepEqual(monitor.timedOutExecutors(), [
      { id: '1', profileId: 0 },
      { id: '2', profileId: 0 },
      { id: '3', profileId: 1 },
    ]);
    assert.equal(monitor.pendingRemovalCount(0), 0);
    monitor.executorsKilled(['1']);
    assert.deepEqual(ids(monitor), ['2', '3']);
    assert.equal(monitor.pendingRemovalCount(0), 1);
    assert.deepEqual(ids(monitor), ['2', '3']);
    monitor.onTaskStart('2');
    assert.deepEqual(ids(monitor), ['3']);
    monitor.executorsKilled(['3']);
    assert.equal(monitor.pendingRemovalCount(0) + monitor.pendingRemovalCount(1), 2);
    monitor.onTaskEnd('2', 1, true);
    assert.deepEqual(ids(monitor), []);
    clock.advance(IDLE + 1);
    assert.deepEqual(ids(monitor), ['2']);
  });
});

describe('M4 shuffle tracking', () => {
  it('holds executors with shuffle data of running jobs, then applies the shuffle timeout, then the idle one', () => {
    const { monitor } = monitorSuite({ tracking: true });
    monitor.onJobStart(1, [{ stageId: 1, shuffleId: 0 }]);
    monitor.onJobStart(2, [{ stageId: 3, shuffleId: 1 }]);
    monitor.onExecutorAdded('1');
    assert.deepEqual(ids(monitor, IDLE + 1), ['1']);
    monitor.onTaskStart('1');
    monitor.onTaskEnd('1', 1, false); // a failed map task writes nothing
    assert.deepEqual(ids(monitor, IDLE + 1), ['1']);
    monitor.onTaskStart('1');
    monitor.onTaskEnd('1', 1, true);
    assert.deepEqual(ids(monitor, IDLE + 1), []);
    monitor.onTaskStart('1');
    monitor.onTaskEnd('1', 3, true);
    assert.deepEqual(ids(monitor, IDLE + 1), []);
    monitor.onJobEnd(1);
    assert.equal(monitor.state('1')?.idle, false);
    monitor.onJobEnd(2);
    assert.equal(monitor.state('1')?.idle, true);
    assert.deepEqual(ids(monitor, IDLE + 1), []);
    assert.deepEqual(ids(monitor, STORAGE + 1), []);
    assert.deepEqual(ids(monitor, SHUFFLE + 1), ['1']);
    monitor.onJobStart(3, [{ stageId: 5, shuffleId: 1 }]); // reuses shuffle 1
    assert.equal(monitor.state('1')?.idle, false);
    assert.deepEqual(ids(monitor, SHUFFLE + 1), []);
    monitor.onJobEnd(3);
    assert.deepEqual(ids(monitor, IDLE + 1), []);
    assert.deepEqual(ids(monitor, SHUFFLE + 1), ['1']);
    monitor.onShuffleCleaned(0);
    assert.deepEqual(ids(monitor, IDLE + 1), []);
    monitor.onShuffleCleaned(1);
    assert.deepEqual(ids(monitor, IDLE + 1), ['1']);
  });

  it('records no shuffle output when the external shuffle service is on', () => {
    const { monitor } = monitorSuite({ tracking: false });
    monitor.onJobStart(1, [{ stageId: 1, shuffleId: 0 }]);
    monitor.onExecutorAdded('1');
    monitor.onTaskStart('1');
    monitor.onTaskEnd('1', 1, true);
    assert.deepEqual(monitor.state('1')?.shuffleIds, []);
    assert.deepEqual(ids(monitor, IDLE), ['1']);
  });

  it('never times out an executor holding shuffle data under the default (infinite) shuffle timeout', () => {
    const { monitor } = monitorSuite({ tracking: true, shuffleTimeout: Infinity });
    monitor.onJobStart(1, [{ stageId: 1, shuffleId: 0 }]);
    monitor.onExecutorAdded('1');
    monitor.onTaskStart('1');
    monitor.onTaskEnd('1', 1, true);
    monitor.onJobEnd(1);
    assert.equal(monitor.state('1')?.timeoutAtMs, Infinity);
    assert.deepEqual(ids(monitor, 1e15), []);
    monitor.onShuffleCleaned(0);
    assert.deepEqual(ids(monitor, IDLE), ['1']);
  });
});

describe('timeout rule by version', () => {
  it('before 3.4.1 ignores the idle timeout for an executor with cached blocks; from 3.4.1 takes the longest', () => {
    for (const [rule, deadline] of [
      ['min-of-held', 5_000],
      ['max-of-all', 20_000],
    ] as const) {
      const { monitor } = monitorSuite({ rule, idle: 20_000, cached: 5_000 });
      monitor.onExecutorAdded('1');
      monitor.onBlockUpdated('1', 7, true);
      assert.equal(monitor.state('1')?.timeoutAtMs, deadline, rule);
    }
  });

  it('before 3.4.1 takes the shorter of cached and shuffle timeouts; from 3.4.1 the longer', () => {
    for (const [rule, deadline] of [
      ['min-of-held', SHUFFLE / 2],
      ['max-of-all', STORAGE * 3],
    ] as const) {
      const { monitor } = monitorSuite({ tracking: true, rule, cached: STORAGE * 3, shuffleTimeout: SHUFFLE / 2 });
      monitor.onJobStart(1, [{ stageId: 1, shuffleId: 0 }]);
      monitor.onExecutorAdded('1');
      monitor.onBlockUpdated('1', 7, true);
      monitor.onTaskStart('1');
      monitor.onTaskEnd('1', 1, true);
      monitor.onJobEnd(1);
      assert.equal(monitor.state('1')?.timeoutAtMs, deadline, rule);
    }
  });
});

describe('timed-out order and bookkeeping', () => {
  it('sorts executor ids as strings', () => {
    const { monitor } = monitorSuite();
    for (const id of ['2', '10', '1', '21']) monitor.onExecutorAdded(id);
    assert.deepEqual(ids(monitor, IDLE), ['1', '10', '2', '21']);
  });

  it('counts executors per profile including those pending removal or decommissioning', () => {
    const { monitor } = monitorSuite();
    for (const id of ['a', 'b', 'c']) monitor.onExecutorAdded(id);
    monitor.executorsKilled(['a']);
    monitor.executorsDecommissioning(['b']);
    assert.equal(monitor.executorCountWithProfile(0), 3);
    assert.equal(monitor.pendingRemovalCount(0), 1);
    assert.equal(monitor.decommissioningCount(0), 1);
    assert.deepEqual(ids(monitor, IDLE), ['c']);
    monitor.onExecutorRemoved('a');
    assert.equal(monitor.executorCountWithProfile(0), 2);
  });

  it('restarts an idle executor clock when it registers again, and ignores task ends of unknown executors', () => {
    const { monitor, clock } = monitorSuite();
    monitor.onExecutorAdded('1');
    clock.setTime(30_000);
    monitor.onExecutorAdded('1');
    assert.equal(monitor.state('1')?.timeoutAtMs, 90_000);
    monitor.onTaskEnd('ghost', 0, true);
    assert.equal(monitor.isTracked('ghost'), false);
  });
});

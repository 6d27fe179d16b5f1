// Scenarios S1–S10 of spark-facts §4, driven through the classes the way Spark's allocation suite drives them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AllocationManager } from '../../../server/src/engine/simulator/allocation-manager';
import { ManualClock } from '../../../server/src/engine/simulator/clock';
import { ExecutorMonitor } from '../../../server/src/engine/simulator/executor-monitor';
import { harness, rounds, suiteConfig } from './harness';

const stage = (stageId: number) => ({ stageId });

describe('S1 exponential ramp', () => {
  it('adds 1, 2, 4, then is capped by maxExecutors and resets the step', () => {
    const { manager, monitor } = harness(suiteConfig(1, 10, 1));
    manager.onStageSubmitted(stage(0), 1000);
    assert.deepEqual(rounds(manager, 5), [
      [1, 2, 2],
      [2, 4, 4],
      [4, 8, 8],
      [2, 10, 1],
      [0, 10, 1],
    ]);
    for (const id of ['first', 'second', 'third', 'fourth', 'first', 'second']) monitor.onExecutorAdded(id);
    assert.equal(monitor.executorCount(), 4);
    assert.equal(manager.target(), 10);
    assert.deepEqual(rounds(manager, 2), [
      [0, 10, 1],
      [0, 10, 1],
    ]);
  });
});

describe('S2 capped by the tasks that need executors', () => {
  it('follows pending + running tasks across three stages', () => {
    const { manager, monitor } = harness(suiteConfig(0, 10, 0));
    manager.onStageSubmitted(stage(0), 5);
    assert.deepEqual(rounds(manager, 3), [
      [1, 1, 2],
      [2, 3, 4],
      [2, 5, 1],
    ]);
    manager.onStageSubmitted(stage(1), 3);
    monitor.onExecutorAdded('executor-1');
    manager.onTaskStart(stage(1), 0);
    monitor.onTaskStart('executor-1');
    assert.equal(manager.maxNumExecutorsNeeded(), 8);
    assert.equal(manager.target(), 5);
    assert.deepEqual(rounds(manager, 3), [
      [1, 6, 2],
      [2, 8, 4],
      [0, 8, 1],
    ]);
    manager.onStageSubmitted(stage(2), 3);
    manager.onTaskStart(stage(2), 0);
    manager.onTaskStart(stage(2), 0);
    assert.equal(manager.maxNumExecutorsNeeded(), 12);
    assert.deepEqual(rounds(manager, 2), [
      [1, 9, 2],
      [1, 10, 1],
    ]);
    manager.onTaskStart(stage(2), 1);
    assert.deepEqual(rounds(manager, 1), [[0, 10, 1]]);
  });
});

describe('S3 executorAllocationRatio', () => {
  const cases: Array<[number, number, number]> = [
    [1, 0.5, 10],
    [1, 1 / 3, 7],
    [2, 1 / 3, 4],
    [1, 0.385, 8],
    [1, 1.0, 15],
    [4, 1 / 3, 3],
  ];
  for (const [cores, ratio, expected] of cases) {
    it(`cores ${cores}, ratio ${ratio} → ${expected}`, () => {
      const cfg = suiteConfig(3, 15, 1, {
        'spark.executor.cores': String(cores),
        'spark.dynamicAllocation.executorAllocationRatio': String(ratio),
      });
      assert.equal(cfg.initialExecutors, 3);
      const { manager } = harness(cfg);
      manager.onStageSubmitted(stage(0), 20);
      rounds(manager, 6);
      assert.equal(manager.target(), expected);
    });
  }
});

describe('S4 speculative tasks', () => {
  it('counts pending speculative copies until a copy starts', () => {
    const { manager } = harness(suiteConfig(0, 10, 0));
    manager.onStageSubmitted(stage(1), 2);
    manager.onSpeculativeTaskSubmitted(stage(1), 0);
    assert.equal(manager.maxNumExecutorsNeeded(), 3);
    assert.deepEqual(rounds(manager, 1), [[1, 1, 2]]);
    manager.onSpeculativeTaskSubmitted(stage(1), 1);
    manager.onSpeculativeTaskSubmitted(stage(1), 2);
    assert.equal(manager.maxNumExecutorsNeeded(), 5);
    assert.deepEqual(rounds(manager, 2), [
      [2, 3, 4],
      [2, 5, 1],
    ]);
    manager.onTaskStart(stage(1), 0);
    assert.equal(manager.maxNumExecutorsNeeded(), 5);
    assert.deepEqual(rounds(manager, 1), [[0, 5, 1]]);
    manager.onTaskStart(stage(1), 0, true);
    assert.equal(manager.maxNumExecutorsNeeded(), 5);
    assert.deepEqual(rounds(manager, 1), [[0, 5, 1]]);
  });
});

describe('S5 polling loop: add timing', () => {
  it('adds only when the backlog timer has expired, and restarts the ramp after the queue drains', () => {
    const { manager, clock } = harness(suiteConfig(0, 20, 0), 2020);
    manager.onStageSubmitted(stage(0), 1000);
    assert.equal(manager.addTimeMs, 3020);
    const at = (ms: number): number | undefined => {
      clock.setTime(ms);
      manager.schedule();
      return manager.target();
    };
    assert.equal(at(2520), 0);
    assert.equal(at(3520), 1);
    assert.equal(at(4520), 1);
    assert.equal(at(6520), 3);
    assert.equal(at(8520), 7);
    for (let i = 0; i < 1000; i++) manager.onTaskStart(stage(0), i); // the queue drains
    assert.equal(manager.addTimeMs, undefined);
    assert.equal(manager.toAdd(), 1);
    assert.equal(at(10520), 7);
    assert.equal(at(12520), 7);
    manager.onStageSubmitted(stage(1), 1000); // backlog again
    assert.equal(manager.addTimeMs, 13520);
    assert.equal(at(13520), 8);
    assert.equal(at(15520), 10);
    assert.equal(at(17520), 14);
    assert.equal(at(19520), 20);
  });
});

function pollingRemove(decommission: boolean): { pending: number[]; decommissioning: number[] } {
  const cfg = suiteConfig(1, 20, 1, decommission ? { 'spark.decommission.enabled': 'true' } : {});
  const { manager, monitor, clock } = harness(cfg, 2020);
  const pending: number[] = [];
  const decommissioning: number[] = [];
  const tick = (ms: number): void => {
    clock.setTime(ms);
    manager.schedule();
    pending.push(monitor.pendingRemovalIds().length);
    decommissioning.push(monitor.decommissioningIds().length);
  };
  for (const id of ['executor-1', 'executor-2', 'executor-3']) monitor.onExecutorAdded(id);
  tick(3520);
  assert.deepEqual(monitor.timedOutExecutors(), []);
  clock.setTime(6520);
  assert.deepEqual(
    monitor.timedOutExecutors().map((e) => e.id),
    ['executor-1', 'executor-2', 'executor-3'],
  );
  tick(6520);
  for (const id of ['executor-4', 'executor-5', 'executor-6', 'executor-7']) monitor.onExecutorAdded(id);
  for (const id of ['executor-4', 'executor-5', 'executor-6']) monitor.onTaskStart(id);
  tick(6520);
  tick(9520);
  for (const id of ['executor-4', 'executor-5', 'executor-6']) monitor.onTaskEnd(id, 0, true);
  tick(9520);
  tick(12520);
  return { pending, decommissioning };
}

describe('S6 polling loop: remove', () => {
  it('removes idle executors down to minExecutors, never busy ones', () => {
    const { pending, decommissioning } = pollingRemove(false);
    assert.deepEqual(pending, [0, 2, 3, 4, 4, 6]);
    assert.deepEqual(decommissioning, [0, 0, 0, 0, 0, 0]);
  });

  it('removes exactly the expected executors', () => {
    const cfg = suiteConfig(1, 20, 1);
    const { manager, monitor, clock } = harness(cfg, 2020);
    for (const id of ['executor-1', 'executor-2', 'executor-3']) monitor.onExecutorAdded(id);
    clock.setTime(6520);
    assert.deepEqual(manager.schedule().removed, ['executor-1', 'executor-2']);
    for (const id of ['executor-4', 'executor-5', 'executor-6', 'executor-7']) monitor.onExecutorAdded(id);
    for (const id of ['executor-4', 'executor-5', 'executor-6']) monitor.onTaskStart(id);
    assert.deepEqual(manager.schedule().removed, ['executor-3']);
    clock.setTime(9520);
    assert.deepEqual(manager.schedule().removed, ['executor-7']);
    for (const id of ['executor-4', 'executor-5', 'executor-6']) monitor.onTaskEnd(id, 0, true);
    assert.deepEqual(manager.schedule().removed, []);
    clock.setTime(12520);
    assert.deepEqual(manager.schedule().removed, ['executor-4', 'executor-5']);
    assert.equal(manager.target(), 1);
  });
});

describe('S7 polling loop: remove with decommissioning', () => {
  it('decommissions instead of killing, with the same counts', () => {
    const { pending, decommissioning } = pollingRemove(true);
    assert.deepEqual(decommissioning, [0, 2, 3, 4, 4, 6]);
    assert.deepEqual(pending, [0, 0, 0, 0, 0, 0]);
  });

  it('asks the cluster manager to decommission, not kill', () => {
    const { manager, monitor, clock, kills, decommissions } = harness(
      suiteConfig(1, 20, 1, { 'spark.decommission.enabled': 'true' }),
      2020,
    );
    for (const id of ['executor-1', 'executor-2', 'executor-3']) monitor.onExecutorAdded(id);
    clock.setTime(6520);
    manager.schedule();
    assert.deepEqual(decommissions, [['executor-1', 'executor-2']]);
    assert.deepEqual(kills, []);
  });
});

describe('S8 minExecutors floor', () => {
  it('refuses removals that would go below minExecutors', () => {
    const { manager, monitor, kills } = harness(suiteConfig(5, 10, 5));
    for (let i = 1; i <= 10; i++) monitor.onExecutorAdded(String(i));
    assert.equal(manager.target(), 5);
    assert.deepEqual(manager.removeExecutorIds(['1']), ['1']);
    assert.deepEqual(manager.removeExecutorIds(['2', '3']), ['2', '3']);
    assert.deepEqual(manager.removeExecutorIds(['4']), ['4']);
    assert.deepEqual(manager.removeExecutorIds(['5']), ['5']);
    assert.deepEqual(manager.removeExecutorIds(['6']), []);
    assert.equal(monitor.pendingRemovalIds().length, 5);
    for (let i = 1; i <= 5; i++) monitor.onExecutorRemoved(String(i));
    assert.deepEqual(manager.removeExecutorIds(['7']), []);
    assert.deepEqual(manager.removeExecutorIds(['8']), []);
    assert.equal(monitor.executorCount(), 5);
    assert.deepEqual(kills, [['1'], ['2', '3'], ['4'], ['5']]);
  });
});

describe('S9 target floor', () => {
  it('refuses removals below the current target, then allows them once the target drops', () => {
    const { manager, monitor } = harness(suiteConfig(5, 12, 5));
    manager.onStageSubmitted(stage(0), 8);
    assert.deepEqual(rounds(manager, 2), [
      [1, 6, 2],
      [2, 8, 4],
    ]);
    for (let i = 1; i <= 8; i++) {
      monitor.onExecutorAdded(String(i));
      manager.onTaskStart(stage(0), i - 1);
      monitor.onTaskStart(String(i));
    }
    assert.deepEqual(manager.removeExecutorIds(['1']), []);
    for (let i = 1; i <= 3; i++) {
      manager.onTaskEnd(stage(0), i - 1, 'success');
      monitor.onTaskEnd(String(i), 0, true);
    }
    assert.equal(manager.maxNumExecutorsNeeded(), 5);
    assert.equal(manager.updateAndSyncNumExecutorsTarget(), -3);
    assert.equal(manager.target(), 5);
    assert.deepEqual(manager.removeExecutorIds(['1']), ['1']);
    assert.deepEqual(manager.removeExecutorIds(['2', '3']), ['2', '3']);
    for (const id of ['1', '2', '3']) monitor.onExecutorRemoved(id);
    assert.equal(monitor.executorCount(), 5);
    manager.onTaskEnd(stage(0), 3, 'success');
    monitor.onTaskEnd('4', 0, true);
    assert.equal(manager.maxNumExecutorsNeeded(), 4);
    manager.updateAndSyncNumExecutorsTarget();
    assert.equal(manager.target(), 5);
    assert.deepEqual(manager.removeExecutorIds(['4']), []);
    assert.deepEqual(rounds(manager, 1), [[0, 5, 1]]);
  });
});

describe('S10 interleaving add and remove', () => {
  it('keeps the target and removal floors consistent', () => {
    const { manager, monitor } = harness(suiteConfig(5, 12, 5));
    const add = (...ids: number[]): void => ids.forEach((i) => monitor.onExecutorAdded(String(i)));
    const gone = (...ids: number[]): void => ids.forEach((i) => monitor.onExecutorRemoved(String(i)));
    const remove = (...ids: number[]): string[] => manager.removeExecutorIds(ids.map(String));
    manager.onStageSubmitted(stage(0), 1000);
    assert.deepEqual(rounds(manager, 2), [
      [1, 6, 2],
      [2, 8, 4],
    ]);
    add(1, 2, 3, 4, 5, 6, 7, 8);
    assert.deepEqual(remove(1), []);
    assert.deepEqual(remove(2, 3), []);
    add(9, 10, 11, 12);
    assert.equal(monitor.executorCount(), 12);
    assert.equal(manager.target(), 8);
    assert.deepEqual(remove(1), ['1']);
    assert.deepEqual(remove(2, 3, 4), ['2', '3', '4']);
    assert.deepEqual(remove(5), []);
    assert.deepEqual(remove(6), []);
    gone(1, 2, 3, 4);
    assert.equal(monitor.executorCount(), 8);
    assert.deepEqual(remove(7), []);
    add(13, 14, 15, 16);
    assert.equal(monitor.executorCount(), 12);
    assert.deepEqual(remove(5, 6, 7), ['5', '6', '7']);
    assert.deepEqual(remove(8), ['8']);
    gone(5, 6);
    assert.equal(monitor.executorCount(), 10);
    gone(9, 10);
    assert.equal(monitor.executorCount(), 8);
    assert.deepEqual(monitor.pendingRemovalIds(), ['7', '8']);
    assert.deepEqual(rounds(manager, 1), [[4, 12, 8]]);
    add(17, 18);
    assert.deepEqual(rounds(manager, 1), [[0, 12, 1]]);
    add(19, 20);
    assert.equal(monitor.executorCount(), 12);
    assert.equal(manager.target(), 12);
  });
});

describe('allocation manager rules beyond the scenarios', () => {
  it('stays at the initial target while initializing, then drops to what is needed', () => {
    const { manager, clock } = harness(suiteConfig(1, 10, 4));
    clock.setTime(500);
    assert.equal(manager.schedule().delta, 0);
    assert.equal(manager.target(), 4);
    assert.equal(manager.initializing, true);
    manager.onStageSubmitted(stage(0), 2);
    assert.equal(manager.initializing, false);
    assert.equal(manager.schedule().delta, -2);
    assert.equal(manager.target(), 2);
  });

  it('needs two executors for a lone speculative copy when an executor runs several tasks', () => {
    const { manager } = harness(suiteConfig(0, 10, 0, { 'spark.executor.cores': '4' }));
    manager.onStageSubmitted(stage(0), 1);
    manager.onTaskStart(stage(0), 0);
    assert.equal(manager.maxNumExecutorsNeeded(), 1);
    manager.onSpeculativeTaskSubmitted(stage(0), 0);
    assert.equal(manager.maxNumExecutorsNeeded(), 2);
  });

  it('asks for one more executor than it has while a task set is unschedulable (3.1.0+)', () => {
    const { manager, monitor } = harness(suiteConfig(0, 10, 0));
    monitor.onExecutorAdded('1');
    monitor.onExecutorAdded('2');
    manager.onStageSubmitted(stage(0), 1);
    manager.onTaskStart(stage(0), 0);
    manager.onTaskEnd(stage(0), 0, 'failed');
    assert.equal(manager.maxNumExecutorsNeeded(), 1);
    manager.onUnschedulableTaskSetAdded(stage(0));
    assert.equal(manager.maxNumExecutorsNeeded(), 3);
    manager.onUnschedulableTaskSetRemoved(stage(0));
    assert.equal(manager.maxNumExecutorsNeeded(), 1);

    const old = harness(suiteConfig(0, 10, 0, {}, '3.0.3'));
    old.monitor.onExecutorAdded('1');
    old.manager.onStageSubmitted(stage(0), 1);
    old.manager.onUnschedulableTaskSetAdded(stage(0));
    assert.equal(old.manager.maxNumExecutorsNeeded(), 1);
  });

  it('puts a failed task back to pending but keeps a killed one started', () => {
    const { manager } = harness(suiteConfig(0, 10, 0));
    manager.onStageSubmitted(stage(0), 2);
    manager.onTaskStart(stage(0), 0);
    manager.onTaskStart(stage(0), 1);
    assert.equal(manager.pendingTasks(), 0);
    assert.equal(manager.addTimeMs, undefined);
    manager.onTaskEnd(stage(0), 0, 'killed');
    assert.equal(manager.pendingTasks(), 0);
    assert.equal(manager.addTimeMs, undefined);
    manager.onTaskEnd(stage(0), 1, 'failed');
    assert.equal(manager.pendingTasks(), 1);
    assert.equal(manager.addTimeMs, 1000);
  });

  it('drops a pending speculative copy when the original succeeds only from 3.4.0', () => {
    for (const [version, expected] of [
      ['3.3.2', 1],
      ['3.4.0', 0],
    ] as const) {
      const { manager } = harness(suiteConfig(0, 10, 0, {}, version));
      manager.onStageSubmitted(stage(0), 1);
      manager.onTaskStart(stage(0), 0);
      manager.onSpeculativeTaskSubmitted(stage(0), 0);
      manager.onTaskEnd(stage(0), 0, 'success');
      assert.equal(manager.pendingSpeculativeTasks(), expected, version);
    }
  });

  it('keeps counting running tasks of a completed stage until they end', () => {
    const { manager } = harness(suiteConfig(0, 10, 0));
    manager.onStageSubmitted(stage(0), 3);
    manager.onTaskStart(stage(0), 0);
    manager.onStageCompleted(stage(0));
    assert.equal(manager.runningTasks(), 1);
    assert.equal(manager.pendingTasks(), 0);
    assert.equal(manager.addTimeMs, undefined);
    manager.onTaskEnd(stage(0), 0, 'success');
    assert.equal(manager.runningTasks(), 0);
  });

  it('reverts the targets when the cluster manager does not acknowledge (outside testing)', () => {
    const cfg = { ...suiteConfig(0, 10, 0), testing: false };
    const clock = new ManualClock(0);
    const monitor = new ExecutorMonitor(cfg, clock);
    let acknowledge = false;
    const manager = new AllocationManager(cfg, monitor, clock, {
      requestTotalExecutors: () => acknowledge,
      killExecutors: (ids) => [...ids],
      decommissionExecutors: (ids) => [...ids],
    });
    manager.onStageSubmitted(stage(0), 5);
    assert.equal(manager.addRound(), 0);
    assert.equal(manager.target(), 0);
    acknowledge = true;
    assert.equal(manager.addRound(), 1);
    assert.equal(manager.target(), 1);
  });

  it('refreshes addTime only when a round adds executors', () => {
    const { manager, clock } = harness(suiteConfig(0, 10, 0));
    manager.onStageSubmitted(stage(0), 2);
    clock.setTime(1000);
    manager.schedule();
    assert.equal(manager.target(), 1);
    assert.equal(manager.addTimeMs, 3000);
    clock.setTime(3000);
    manager.schedule();
    assert.equal(manager.target(), 2);
    assert.equal(manager.addTimeMs, 5000);
    clock.setTime(5000);
    manager.schedule(); // capped by the 2 tasks: no change, timer not refreshed, step reset
    assert.equal(manager.target(), 2);
    assert.equal(manager.addTimeMs, 5000);
    assert.equal(manager.toAdd(), 1);
  });
});

// Resolving the allocation settings per Spark version and Spark's start-up checks (spark-facts §2).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveAllocationConfig } from '../../../server/src/engine/simulator/config';
import { validateAllocationConfig } from '../../../server/src/engine/simulator/startup-checks';

const DA = 'spark.dynamicAllocation.';
const on = { [`${DA}enabled`]: 'true' };
const errorIds = (props: Record<string, string>, version: string): string[] =>
  validateAllocationConfig(resolveAllocationConfig({ ...on, ...props }, version))
    .filter((i) => i.severity === 'error')
    .map((i) => i.id);

describe('resolveAllocationConfig', () => {
  it('takes the version defaults for keys not given', () => {
    const cfg = resolveAllocationConfig(on, '3.5.1');
    assert.equal(cfg.minExecutors, 0);
    assert.equal(cfg.maxExecutors, 2147483647);
    assert.equal(cfg.schedulerBacklogTimeoutMs, 1000);
    assert.equal(cfg.sustainedSchedulerBacklogTimeoutMs, 1000);
    assert.equal(cfg.executorIdleTimeoutMs, 60_000);
    assert.equal(cfg.cachedExecutorIdleTimeoutMs, 2147483647 * 1000);
    assert.equal(cfg.shuffleTrackingTimeoutMs, Infinity);
    assert.equal(cfg.shuffleTrackingActive, true);
    assert.equal(cfg.timeoutRule, 'max-of-all');
    assert.equal(resolveAllocationConfig(on, '3.3.2').shuffleTrackingActive, false);
    assert.equal(resolveAllocationConfig(on, '3.4.0').timeoutRule, 'min-of-held');
    assert.equal(resolveAllocationConfig(on, '3.4.1').timeoutRule, 'max-of-all');
  });

  it('computes the initial target from min, initialExecutors and executor.instances', () => {
    const cfg = resolveAllocationConfig(
      { ...on, [`${DA}minExecutors`]: '2', [`${DA}initialExecutors`]: '1', 'spark.executor.instances': '5' },
      '3.5.1',
    );
    assert.equal(cfg.initialExecutors, 5);
    assert.equal(resolveAllocationConfig({ ...on, [`${DA}minExecutors`]: '3' }, '3.5.1').initialExecutors, 3);
  });

  it('reads backlog timeouts in whole seconds and falls back from sustained to the backlog timeout', () => {
    const cfg = resolveAllocationConfig({ ...on, [`${DA}schedulerBacklogTimeout`]: '2500ms' }, '3.5.1');
    assert.equal(cfg.schedulerBacklogTimeoutMs, 2000);
    assert.equal(cfg.sustainedSchedulerBacklogTimeoutMs, 2000);
    assert.equal(
      resolveAllocationConfig({ ...on, [`${DA}executorIdleTimeout`]: '500ms' }, '3.5.1').executorIdleTimeoutMs,
      0,
    );
    assert.equal(
      resolveAllocationConfig({ ...on, [`${DA}shuffleTracking.timeout`]: '1500' }, '3.5.1').shuffleTrackingTimeoutMs,
      1500,
    );
  });

  it('turns shuffle tracking off when the external shuffle service is on', () => {
    const cfg = resolveAllocationConfig({ ...on, 'spark.shuffle.service.enabled': 'true' }, '3.5.1');
    assert.equal(cfg.shuffleTrackingEnabled, true);
    assert.equal(cfg.shuffleTrackingActive, false);
  });

  it('floors tasks per executor', () => {
    const cfg = resolveAllocationConfig({ ...on, 'spark.executor.cores': '5', 'spark.task.cpus': '2' }, '3.5.1');
    assert.equal(cfg.tasksPerExecutor, 2);
  });

  it('lists values Spark cannot read', () => {
    const cfg = resolveAllocationConfig({ ...on, [`${DA}maxExecutors`]: '1.5' }, '3.5.1');
    assert.equal(cfg.parseErrors.length, 1);
    assert.equal(cfg.maxExecutors, 2147483647);
  });
});

describe('validateAllocationConfig', () => {
  it('passes the defaults from 3.4.0, fails them before (V6 history)', () => {
    assert.deepEqual(errorIds({}, '3.4.0'), []);
    assert.deepEqual(errorIds({}, '3.5.1'), []);
    assert.deepEqual(errorIds({}, '3.3.2'), ['V6']);
    assert.deepEqual(errorIds({}, '2.4.8'), ['V6']);
  });

  it('accepts each way of keeping shuffle data only from the version that introduced it', () => {
    assert.deepEqual(errorIds({ [`${DA}shuffleTracking.enabled`]: 'true' }, '3.0.0'), []);
    assert.deepEqual(errorIds({ [`${DA}shuffleTracking.enabled`]: 'true' }, '2.4.8'), ['V6']);
    const decommission = {
      'spark.decommission.enabled': 'true',
      'spark.storage.decommission.shuffleBlocks.enabled': 'true',
    };
    assert.deepEqual(errorIds(decommission, '3.1.1'), []);
    assert.deepEqual(errorIds(decommission, '3.0.3'), ['V6']);
    assert.deepEqual(errorIds({ 'spark.decommission.enabled': 'true' }, '3.3.2'), ['V6']);
    assert.deepEqual(errorIds({ 'spark.shuffle.service.enabled': 'true' }, '2.4.8'), []);
    assert.deepEqual(errorIds({ [`${DA}testing`]: 'true' }, '3.3.2'), []);
    assert.deepEqual(errorIds({ 'spark.shuffle.sort.io.plugin.class': 'com.example.ReliableIO' }, '3.5.0'), []);
    assert.deepEqual(errorIds({ 'spark.shuffle.sort.io.plugin.class': 'com.example.ReliableIO' }, '3.3.2'), ['V6']);
  });

  it("reports V1–V5 and V8 with Spark's conditions", () => {
    assert.ok(errorIds({ [`${DA}minExecutors`]: '-1' }, '3.5.1').includes('V1'));
    assert.ok(errorIds({ [`${DA}maxExecutors`]: '0' }, '3.5.1').includes('V2'));
    assert.ok(errorIds({ [`${DA}minExecutors`]: '4', [`${DA}maxExecutors`]: '3' }, '3.5.1').includes('V3'));
    assert.deepEqual(errorIds({ [`${DA}schedulerBacklogTimeout`]: '0s' }, '3.5.1'), ['V4', 'V5']);
    assert.deepEqual(errorIds({ [`${DA}sustainedSchedulerBacklogTimeout`]: '999ms' }, '3.5.1'), ['V5']);
    assert.deepEqual(errorIds({ [`${DA}executorAllocationRatio`]: '0' }, '3.5.1'), ['V8']);
    assert.deepEqual(errorIds({ [`${DA}executorAllocationRatio`]: '1.0' }, '3.5.1'), []);
  });

  it('checks the initial target range and task cpus', () => {
    assert.deepEqual(errorIds({ [`${DA}maxExecutors`]: '3', 'spark.executor.instances': '4' }, '3.5.1'), [
      'initial-range',
    ]);
    assert.deepEqual(errorIds({ [`${DA}maxExecutors`]: '3', [`${DA}initialExecutors`]: '4' }, '3.5.1'), [
      'initial-range',
    ]);
    assert.deepEqual(errorIds({ 'spark.executor.cores': '2', 'spark.task.cpus': '3' }, '3.5.1'), ['task-cpus']);
    assert.deepEqual(errorIds({ [`${DA}executorIdleTimeout`]: '-1s' }, '3.5.1'), ['timeout']);
  });

  it('warns (V7) from 4.0.0 when tracking is on together with shuffle decommissioning', () => {
    const props = { 'spark.decommission.enabled': 'true' };
    const issues = validateAllocationConfig(resolveAllocationConfig({ ...on, ...props }, '4.0.0'));
    assert.deepEqual(
      issues.map((i) => [i.id, i.severity]),
      [['V7', 'warning']],
    );
    assert.deepEqual(validateAllocationConfig(resolveAllocationConfig({ ...on, ...props }, '3.5.1')), []);
  });
});

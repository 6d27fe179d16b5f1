// The Kubernetes pod allocator against ExecutorPodsAllocatorSuite's scenarios (spark-facts §4 K1–K4) and §3.6 rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfReader } from '../../../server/src/engine/simulator/k8s/conf-reader';
import { PodAllocator } from '../../../server/src/engine/simulator/k8s/pod-allocator';
import { PodStore } from '../../../server/src/engine/simulator/k8s/pod-store';
import {
  resolvePodAllocatorSettings,
  validatePodAllocatorSettings,
  type PodAllocatorSettings,
} from '../../../server/src/engine/simulator/k8s/settings';
import { podSuiteSettings } from './harness';

const suiteSettings = podSuiteSettings;

function setup(extra: Partial<PodAllocatorSettings> = {}) {
  const store = new PodStore();
  const creates: number[] = [];
  const deletes: number[] = [];
  const api = {
    createPod: (id: number, now: number) => {
      store.add(id, now);
      creates.push(id);
    },
    deletePod: (id: number) => {
      store.setPhase(id, 'gone');
      deletes.push(id);
    },
  };
  const allocator = new PodAllocator(suiteSettings(extra), store, api);
  return { store, creates, deletes, allocator };
}

test('K1 batching: one batch of 5, the next waits until every pod of the batch was seen', () => {
  const { store, creates, allocator } = setup();
  allocator.setTotalExpectedExecutors(6);
  allocator.run(0);
  assert.deepEqual(creates, [1, 2, 3, 4, 5]);
  assert.equal(allocator.outstanding(), 5);
  for (const id of [1, 2, 3, 4]) store.setPhase(id, 'running');
  allocator.run(1000);
  assert.deepEqual(creates, [1, 2, 3, 4, 5], 'pod 5 unseen: nothing new');
  assert.equal(allocator.outstanding(), 1);
  store.setPhase(5, 'pending');
  allocator.run(2000);
  assert.deepEqual(creates, [1, 2, 3, 4, 5, 6]);
  assert.equal(allocator.created, 6);
});

test('K2 a failed pod in the batch is replaced on the next run', () => {
  const { store, creates, allocator } = setup();
  allocator.setTotalExpectedExecutors(5);
  allocator.run(0);
  for (const id of [1, 2, 3, 4]) store.setPhase(id, 'running');
  store.setPhase(5, 'failed');
  allocator.run(1000);
  assert.deepEqual(creates, [1, 2, 3, 4, 5, 6]);
  assert.equal(allocator.outstanding(), 1);
});

test('K3 a pod never seen is deleted after podCreationTimeout (strictly more) and requested again', () => {
  const { creates, deletes, allocator } = setup();
  allocator.setTotalExpectedExecutors(1);
  allocator.run(0);
  assert.deepEqual(creates, [1]);
  allocator.run(600_000);
  assert.deepEqual(deletes, [], 'exactly the timeout is not yet too old');
  allocator.run(600_001);
  assert.deepEqual(deletes, [1]);
  assert.deepEqual(creates, [1, 2]);
});

test('K4 scale down deletes only unseen and pending pods older than the idle timeout', () => {
  const { store, creates, deletes, allocator } = setup();
  allocator.setTotalExpectedExecutors(1);
  allocator.run(0);
  store.setPhase(1, 'running');
  allocator.setTotalExpectedExecutors(4);
  allocator.run(1000);
  assert.deepEqual(creates, [1, 2, 3, 4]);
  assert.equal(allocator.outstanding(), 3);
  store.setPhase(2, 'running');
  store.setPhase(3, 'pending');
  allocator.run(2000);
  assert.equal(allocator.outstanding(), 2);
  allocator.setTotalExpectedExecutors(1);
  allocator.run(2000 + 5000);
  assert.deepEqual(deletes, [], 'not older than the idle timeout yet');
  allocator.run(1000 + 2 * 10_000);
  assert.deepEqual(deletes.sort(), [3, 4]);
  assert.equal(allocator.outstanding(), 0);
  assert.equal(store.running, 2, 'running pods are left to the idle path');
});

test('setTotalExpectedExecutors asks for an immediate run only when no pods are outstanding', () => {
  const { store, allocator } = setup();
  assert.equal(allocator.setTotalExpectedExecutors(2), true);
  allocator.run(0);
  assert.equal(allocator.setTotalExpectedExecutors(3), false);
  store.setPhase(1, 'running');
  store.setPhase(2, 'running');
  allocator.run(1000);
  store.setPhase(3, 'running');
  allocator.run(2000);
  assert.equal(allocator.setTotalExpectedExecutors(4), true);
});

test('maxPendingPods caps pods not yet running', () => {
  const { store, creates, allocator } = setup({ maxPendingPods: 3 });
  allocator.setTotalExpectedExecutors(10);
  allocator.run(0);
  assert.deepEqual(creates, [1, 2, 3]);
  store.setPhase(1, 'pending');
  store.setPhase(2, 'pending');
  store.setPhase(3, 'running');
  allocator.run(1000);
  assert.deepEqual(creates, [1, 2, 3, 4], 'two pending leave one slot');
});

test('allocation.maximum: ids at or above it are never created', () => {
  const { creates, allocator } = setup({ allocationMaximum: 4 });
  allocator.setTotalExpectedExecutors(10);
  allocator.run(0);
  assert.deepEqual(creates, [1, 2, 3]);
  assert.equal(allocator.limitReached, true);
});

test('settings: batch size default by version, creation timeout = max(5 x delay, executor.timeout)', () => {
  const at = (version: string, props: Record<string, string> = {}) =>
    resolvePodAllocatorSettings(new ConfReader(props, version), 60_000);
  assert.equal(at('3.5.1').batchSize, 5);
  assert.equal(at('4.0.0').batchSize, 10);
  assert.equal(at('4.1.0').batchSize, 10);
  assert.equal(at('4.2.0').batchSize, 20);
  assert.equal(at('3.5.1', { 'spark.kubernetes.allocation.batch.size': '7' }).batchSize, 7);
  assert.equal(at('3.5.1').batchDelayMs, 1000);
  assert.equal(at('3.5.1').podCreationTimeoutMs, 600_000);
  assert.equal(at('3.5.1', { 'spark.kubernetes.allocation.batch.delay': '200s' }).podCreationTimeoutMs, 1_000_000);
  assert.equal(at('3.5.1', { 'spark.kubernetes.allocation.executor.timeout': '2s' }).podCreationTimeoutMs, 5000);
  assert.equal(
    at('4.0.0', { 'spark.kubernetes.allocation.maximum': '10' }).allocationMaximum,
    2147483647,
    'key is 4.1.0+',
  );
  assert.equal(at('4.1.0', { 'spark.kubernetes.allocation.maximum': '10' }).allocationMaximum, 10);
  const delay1 = at('4.0.0', { 'spark.kubernetes.allocation.batch.delay': '1' });
  assert.equal(validatePodAllocatorSettings(delay1, '4.0.0').length, 1, 'a bare 1 is 1 ms: rejected from 4.0');
  assert.deepEqual(
    validatePodAllocatorSettings(at('3.5.1', { 'spark.kubernetes.allocation.batch.delay': '1' }), '3.5.1'),
    [],
  );
});

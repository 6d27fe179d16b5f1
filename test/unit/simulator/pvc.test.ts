// On-demand executor PVCs: when claims are created, who owns them, reuse (with its age rule), wait-to-reuse, and
// what the StorageClass reclaim policy leaves behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PodAllocator } from '../../../server/src/engine/simulator/k8s/pod-allocator';
import { PodStore } from '../../../server/src/engine/simulator/k8s/pod-store';
import type { PodAllocatorSettings } from '../../../server/src/engine/simulator/k8s/settings';
import { PvcManager, type PvcSettings } from '../../../server/src/engine/simulator/pvc/pvc-manager';
import { executorOnDemandVolumes, type OnDemandVolume } from '../../../server/src/engine/simulator/pvc/volumes';
import { simulateConf } from '../../../server/src/engine/simulator/simulate-job';
import type { StorageClassInfo } from '../../../server/src/engine/model';
import type { Workload } from '../../../server/src/engine/workload/types';
import { podSuiteSettings } from './harness';

const V = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.';
const GI = 1024 ** 3;

function volumeProps(name: string, opts: { storageClass?: string; size?: string } = {}): Record<string, string> {
  const p: Record<string, string> = {
    [`${V}${name}.options.claimName`]: 'OnDemand',
    [`${V}${name}.mount.path`]: `/data/${name}`,
  };
  if (opts.storageClass !== undefined) p[`${V}${name}.options.storageClass`] = opts.storageClass;
  if (opts.size !== undefined) p[`${V}${name}.options.sizeLimit`] = opts.size;
  return p;
}

test('an OnDemand claim is created only when both storageClass and sizeLimit are set', () => {
  const both = executorOnDemandVolumes(volumeProps('data', { storageClass: 'gp3', size: '100Gi' }));
  assert.deepEqual(both.onDemand, [{ name: 'data', storageClass: 'gp3', sizeBytes: 100 * GI, creates: true }]);
  assert.deepEqual(both.notes, []);
  for (const opts of [{ storageClass: 'gp3' }, { size: '100Gi' }, {}]) {
    const r = executorOnDemandVolumes(volumeProps('data', opts));
    assert.equal(r.onDemand[0].creates, false);
    assert.match(r.notes[0], /Pending/);
  }
  const named = executorOnDemandVolumes({
    [`${V}data.options.claimName`]: 'my-claim',
    [`${V}data.options.storageClass`]: 'gp3',
  });
  assert.deepEqual(named.onDemand, [], 'a named claim is not on-demand');
});

const GP3: OnDemandVolume = { name: 'data', storageClass: 'gp3', sizeBytes: 100 * GI, creates: true };

function pvcSettings(extra: Partial<PvcSettings> = {}): PvcSettings {
  return {
    ownByDriver: true,
    reuse: true,
    waitToReuse: false,
    maxPvcs: 100,
    reuseMinAgeMs: 600_000,
    reclaimPolicy: () => 'Delete',
    ...extra,
  };
}

test('reuse: only driver-owned, unmounted claims older than the reuse age are handed to new pods', () => {
  const m = new PvcManager([GP3], pvcSettings());
  const visible = new Set<number>([1]);
  assert.equal(m.attach(1, [], 0), 1);
  m.podGone(1, 10_000);
  visible.delete(1);
  assert.equal(m.reusable(600_000, (id) => visible.has(id)).length, 0, 'not older than 600 s yet');
  const list = m.reusable(600_001, (id) => visible.has(id));
  assert.equal(list.length, 1);
  assert.equal(m.attach(2, list, 600_001), 0, 'reused, not created');
  assert.equal(m.totals(700_000).created, 1);
  assert.equal(m.totals(700_000).reused, 1);
  // A claim mounted by a pod visible in the snapshot is not reusable.
  visible.add(2);
  assert.equal(m.reusable(2_000_000, (id) => visible.has(id)).length, 0);
});

test('reuse needs the same storage class and size', () => {
  const m = new PvcManager([GP3], pvcSettings({ reuseMinAgeMs: -1 }));
  m.attach(1, [], 0);
  m.podGone(1, 1);
  const other = new PvcManager([{ ...GP3, sizeBytes: 50 * GI }], pvcSettings({ reuseMinAgeMs: -1 }));
  // Feed the first manager's reusable claim to a manager wanting another size: nothing matches, a claim is created.
  assert.equal(
    other.attach(
      2,
      m.reusable(10, () => false),
      10,
    ),
    1,
  );
});

test('executor-owned claims (ownPersistentVolumeClaim=false) go with the pod and are never reused', () => {
  const m = new PvcManager([GP3], pvcSettings({ ownByDriver: false }));
  m.attach(1, [], 0);
  assert.equal(m.liveCount(), 1);
  m.podGone(1, 3_600_000);
  assert.equal(m.liveCount(), 0);
  assert.deepEqual(
    m.reusable(10_000_000, () => false),
    [],
  );
  const t = m.totals(7_200_000);
  assert.equal(t.gibHours, 100, '100 GiB for one hour');
  assert.equal(t.gibLeftBehind, 0);
});

test('Retain: the volume outlives its claim and the job; Delete: it ends with the claim or the job', () => {
  const retain = new PvcManager([GP3], pvcSettings({ ownByDriver: false, reclaimPolicy: () => 'Retain' }));
  retain.attach(1, [], 0);
  retain.podGone(1, 3_600_000);
  const r = retain.totals(7_200_000);
  assert.equal(r.gibHours, 200, 'the retained volume costs until the end of the job');
  assert.equal(r.gibLeftBehind, 100);
  const driverOwned = new PvcManager([GP3], pvcSettings());
  driverOwned.attach(1, [], 0);
  driverOwned.podGone(1, 3_600_000);
  assert.equal(driverOwned.totals(7_200_000).gibHours, 200, 'driver-owned claims live until the driver goes');
  assert.equal(driverOwned.totals(7_200_000).gibLeftBehind, 0);
});

function allocatorWithPvcs(
  volumes: OnDemandVolume[],
  settings: Partial<PvcSettings>,
  batch: Partial<PodAllocatorSettings> = {},
) {
  const store = new PodStore();
  const pvcs = new PvcManager(volumes, pvcSettings(settings));
  const created: number[] = [];
  const allocator = new PodAllocator(
    podSuiteSettings(batch),
    store,
    {
      createPod: (id, now) => {
        store.add(id, now);
        created.push(id);
      },
      deletePod: (id, now) => {
        store.setPhase(id, 'gone');
        pvcs.podGone(id, now);
      },
    },
    pvcs,
  );
  return { store, pvcs, created, allocator };
}

test('waitToReuse: PVC_COUNTER counts claims, so two volumes per pod hit maxPVCs at half the executors', () => {
  const second: OnDemandVolume = { ...GP3, name: 'spill' };
  const { store, pvcs, created, allocator } = allocatorWithPvcs([GP3, second], { waitToReuse: true, maxPvcs: 4 });
  allocator.setTotalExpectedExecutors(4);
  allocator.run(0);
  assert.deepEqual(created, [1, 2], 'stops once 4 claims exist');
  assert.equal(pvcs.pvcCounter, 4);
  assert.equal(allocator.waitedForPvc, true);
  store.setPhase(1, 'running');
  store.setPhase(2, 'running');
  allocator.run(1000);
  assert.deepEqual(created, [1, 2], 'still no free claim');
  // Executor 1 goes; after the reuse age its claims are handed to the next pod.
  store.setPhase(1, 'gone');
  pvcs.podGone(1, 2000);
  allocator.run(3000);
  assert.deepEqual(created, [1, 2], 'claims not old enough yet');
  allocator.run(601_000);
  assert.deepEqual(created, [1, 2], 'at the cap, a run without a new snapshot does not even try');
  store.touch(); // the periodic full pod-list poll
  allocator.run(602_000);
  assert.deepEqual(created, [1, 2, 3]);
  assert.equal(pvcs.pvcCounter, 4, 'reused, no new claim');
});

test('without waitToReuse the same job just creates more claims', () => {
  const second: OnDemandVolume = { ...GP3, name: 'spill' };
  const { created, pvcs, allocator } = allocatorWithPvcs([GP3, second], { waitToReuse: false, maxPvcs: 4 });
  allocator.setTotalExpectedExecutors(4);
  allocator.run(0);
  assert.deepEqual(created, [1, 2, 3, 4]);
  assert.equal(pvcs.pvcCounter, 8);
});

const oneStage = (tasks: number, seconds: number): Workload => ({
  name: 'burst',
  seed: 1,
  executor: {},
  jobs: [
    {
      id: 0,
      start: { kind: 'at', seconds: 0 },
      reusesShuffles: [],
      stages: [
        { id: 0, parents: [], tasks, duration: { kind: 'constant', seconds }, shuffleMap: false, cached: false },
      ],
    },
    {
      id: 1,
      start: { kind: 'afterPrevious', gapSeconds: 900 },
      reusesShuffles: [],
      stages: [
        { id: 1, parents: [], tasks, duration: { kind: 'constant', seconds }, shuffleMap: false, cached: false },
      ],
    },
  ],
});

const draConf = (extra: Record<string, string> = {}): Record<string, string> => ({
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.maxExecutors': '4',
  'spark.dynamicAllocation.executorIdleTimeout': '30s',
  ...volumeProps('data', { storageClass: 'gp3', size: '100Gi' }),
  ...extra,
});

function run(version: string, conf: Record<string, string>, classes: StorageClassInfo[] = []) {
  const r = simulateConf(conf, { sparkVersion: version, workload: oneStage(4, 60), storageClasses: classes });
  if (!r.ok) assert.fail(r.problem.message);
  return r.value;
}

test('end to end: version defaults decide ownership, so reuse happens from 3.4 and not in 3.3', () => {
  const v35 = run('3.5.1', draConf());
  const v33 = run('3.3.2', draConf({ 'spark.dynamicAllocation.shuffleTracking.enabled': 'true' }));
  assert.equal(v35.dra.summary.podsCreated, 8, 'executors idle out between the two jobs and come back');
  assert.equal(v35.dra.summary.pvcsCreated, 4, '3.5: driver-owned claims of gone executors are reused');
  assert.equal(v33.dra.summary.pvcsCreated, 8, '3.3: executor-owned claims die with their pods');
  assert.ok(v35.notes.some((n) => n.includes('Storage class gp3 not found: assumed Delete')));
});

test('end to end: in 4.0 reuse waits for claims older than podCreationTimeout', () => {
  const gap = run('4.0.0', draConf());
  assert.equal(gap.dra.summary.pvcsCreated, 4, 'the 900 s gap is longer than 600 s: reused');
  const short = run('4.0.0', draConf({ 'spark.kubernetes.allocation.executor.timeout': '2000s' }));
  assert.equal(short.dra.summary.pvcsCreated, 8, 'claims younger than 2000 s are not reused');
  const v35 = run('3.5.1', draConf({ 'spark.kubernetes.allocation.executor.timeout': '2000s' }));
  assert.equal(v35.dra.summary.pvcsCreated, 4, '3.5 only needs them older than batch.delay');
});

test('end to end: Retain storage class leaves GiB behind, Delete does not', () => {
  const sc = (policy: string): StorageClassInfo => ({
    name: 'gp3',
    nameRange: { start: 0, end: 0 },
    range: { start: 0, end: 0 },
    reclaimPolicy: { value: policy, range: { start: 0, end: 0 } },
    parameters: {},
  });
  const retain = run('3.5.1', draConf(), [sc('Retain')]);
  const del = run('3.5.1', draConf(), [sc('Delete')]);
  assert.equal(retain.dra.summary.pvcGiBLeftBehind, 400);
  assert.equal(del.dra.summary.pvcGiBLeftBehind, 0);
  assert.ok(retain.dra.summary.pvcGiBHours > 0);
  assert.ok(del.dra.summary.cost.storage > 0);
  const none = run('3.5.1', { ...draConf(), [`${V}data.options.storageClass`]: '' });
  assert.equal(none.dra.summary.pvcsCreated, 0);
  assert.equal(none.dra.summary.cost.storage, 0);
});

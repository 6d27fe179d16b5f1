// The log's own cluster manager: spark.master read as Kubernetes, YARN, standalone or local, and a YARN or standalone
// configuration replayed as that manager (every executor asked for at once) rather than as Kubernetes pod batches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterManagerOf } from '../../../server/src/engine/simulator/cluster-manager';
import { simulateConf } from '../../../server/src/engine/simulator/simulate-job';
import type { Workload } from '../../../server/src/engine/workload/types';

test('clusterManagerOf: spark.master names the manager', () => {
  assert.deepEqual(
    [
      'k8s://https://api:443',
      'yarn',
      'YARN',
      'yarn-client',
      'spark://host:7077',
      'local[4]',
      'local',
      'mesos://m:5050',
      undefined,
    ].map(clusterManagerOf),
    ['kubernetes', 'yarn', 'yarn', 'yarn', 'standalone', 'local', 'local', 'other', 'other'],
  );
});

const WORKLOAD: Workload = {
  name: 'one stage',
  seed: 1,
  executor: {},
  jobs: [
    {
      id: 0,
      start: { kind: 'at', seconds: 30 },
      reusesShuffles: [],
      stages: [
        { id: 0, parents: [], tasks: 12, duration: { kind: 'constant', seconds: 5 }, shuffleMap: false, cached: false },
      ],
    },
  ],
};

function registrations(master: string, native: boolean): { added: number[]; notes: string[] } {
  const conf = { 'spark.master': master, 'spark.executor.instances': '12', 'spark.executor.cores': '1' };
  const r = simulateConf(conf, {
    sparkVersion: '3.5.0',
    workload: WORKLOAD,
    details: true,
    nativeClusterManager: native,
  });
  if (!r.ok) assert.fail(r.problem.message);
  return { added: (r.value.dra.executors ?? []).map((e) => e.addedSec), notes: r.value.notes };
}

test('native YARN: all 12 executors asked for at once register together; as Kubernetes they come in pod batches of 5', () => {
  const yarn = registrations('yarn', true);
  assert.equal(new Set(yarn.added).size, 1, yarn.added.join(' '));
  assert.ok(
    yarn.notes.some((n) => n.startsWith('spark.master is yarn: replayed as YARN')),
    yarn.notes.join('\n'),
  );
  const k8s = registrations('yarn', false);
  assert.equal(new Set(k8s.added).size, 3, k8s.added.join(' '));
  assert.ok(k8s.notes.includes('spark.master is yarn: simulated as a Kubernetes deployment.'));
});

test('native standalone is named too; a Kubernetes master is never changed by the option', () => {
  assert.ok(registrations('spark://h:7077', true).notes.some((n) => /replayed as a standalone cluster/.test(n)));
  const k8s = registrations('k8s://https://api', true);
  assert.equal(new Set(k8s.added).size, 3);
  assert.ok(!k8s.notes.some((n) => /replayed as/.test(n)));
});

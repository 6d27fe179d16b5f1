// The facade: job files and event-log confs in, SimulationResult out; start-up rejections; replay known answers;
// determinism; a mid-size smoke run.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { readEventLog, type EventLogReplay } from '../../../server/src/engine/eventlog/index';
import type { ConfigEntry, JobConfig } from '../../../server/src/engine/model';
import { computeCost, executorShape } from '../../../server/src/engine/simulator/cost';
import { ConfReader } from '../../../server/src/engine/simulator/k8s/conf-reader';
import { DEFAULT_PRICES, resolvePrices } from '../../../server/src/engine/simulator/prices';
import { simulateConf, simulateJob } from '../../../server/src/engine/simulator/simulate-job';
import type { Workload } from '../../../server/src/engine/workload/types';
import { configEntry, jobOf } from '../../support/jobs';

const LOGS = resolve('../shared/eventlogs');

async function load(name: string): Promise<EventLogReplay> {
  const r = await readEventLog(resolve(LOGS, name));
  if (!r.ok) assert.fail(r.error);
  return r;
}

function entry(key: string, value: string, rank = 0): ConfigEntry {
  return configEntry(key, value, { rank });
}

function job(entries: ConfigEntry[]): JobConfig {
  return jobOf(entries);
}

test('job_spark_shell replay: 2 jobs x 8 tasks x 60 s on one 4-core executor take about 2 min each', async () => {
  const log = await load('job_spark_shell');
  const r = simulateConf(log.conf, { sparkVersion: log.sparkVersion, workload: log.workload });
  if (!r.ok) assert.fail(r.problem.message);
  const result = r.value;
  assert.equal(result.sparkVersion, '3.4.1');
  assert.equal(result.static.executors, 1);
  assert.ok(result.notes.includes('DRA is off in this file: simulated as written, with a fixed executor count.'));
  assert.equal(result.workload.tasks, 16);
  // Job 0 is submitted at 91.9 s, job 1 12.6 s after job 0 ends; the log's job 1 ended at 346.0 s.
  const runtime = result.static.summary.runtimeSec;
  assert.ok(Math.abs(runtime - 346.0) < 3, `runtime ${runtime}`);
  const perJob = (runtime - 91.9 - 12.6) / 2;
  assert.ok(perJob > 118 && perJob < 126, `about 2 minutes per job, got ${perJob}`);
  const eight = simulateConf(log.conf, {
    sparkVersion: log.sparkVersion,
    workload: log.workload,
    overrides: { 'spark.executor.cores': '8' },
  });
  if (!eight.ok) assert.fail(eight.problem.message);
  const perJob8 = (eight.value.static.summary.runtimeSec - 91.9 - 12.6) / 2;
  assert.ok(perJob8 > 59 && perJob8 < 63, `about 1 minute per job with 8 cores, got ${perJob8}`);
});

test('a DRA event log replays into a simulated timeline beside the observed one', async () => {
  const log = await load('eventlog_4nodes_8cores_dynamic_alloc.zstd');
  const r = simulateConf(log.conf, { sparkVersion: log.sparkVersion, workload: log.workload });
  if (!r.ok) assert.fail(r.problem.message);
  const { dra } = r.value;
  assert.equal(r.value.workload.tasks, 235);
  assert.equal(dra.summary.tasks, 235);
  assert.ok(dra.timeline.length > 10);
  assert.ok(dra.summary.peakExecutors >= 2, 'starts from spark.executor.instances=2');
  assert.ok(dra.summary.podsCreated > dra.summary.peakExecutors, 'executors idle out and come back, as in the log');
  // Same workload, same order of magnitude as what the cluster did (205 s).
  assert.ok(dra.summary.runtimeSec > 100 && dra.summary.runtimeSec < 400, `runtime ${dra.summary.runtimeSec}`);
  assert.ok(log.observed.timeline.length > 2);
});

test('configs Spark rejects at start-up are errors, with the reason', () => {
  const w = { preset: 'steady' };
  const bad = simulateConf(
    {
      'spark.dynamicAllocation.enabled': 'true',
      'spark.dynamicAllocation.minExecutors': '5',
      'spark.dynamicAllocation.maxExecutors': '2',
    },
    { sparkVersion: '3.5.1', ...w },
  );
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.match(bad.problem.message, /minExecutors \(5\) is larger than maxExecutors \(2\)/);
  const noShuffle = simulateConf({ 'spark.dynamicAllocation.enabled': 'true' }, { sparkVersion: '3.3.2', ...w });
  assert.equal(noShuffle.ok, false, '3.3 without shuffle tracking or a shuffle service');
  const delay = simulateConf({ 'spark.kubernetes.allocation.batch.delay': '1' }, { sparkVersion: '4.0.0', ...w });
  assert.equal(delay.ok, false);
  if (!delay.ok) assert.match(delay.problem.message, /batch\.delay/);
  const unknownPreset = simulateConf({}, { sparkVersion: '3.5.1', preset: 'nope' });
  assert.equal(unknownPreset.ok, false);
  // DRA keys are not checked when DRA is off.
  assert.equal(
    simulateConf(
      { 'spark.dynamicAllocation.minExecutors': '5', 'spark.dynamicAllocation.maxExecutors': '2' },
      { sparkVersion: '3.5.1', ...w },
    ).ok,
    true,
  );
});

test('simulateJob reads the winning entries, then applies overrides', () => {
  const j = job([
    entry('spark.dynamicAllocation.enabled', 'true'),
    entry('spark.executor.cores', '2', 0),
    entry('spark.executor.cores', '4', 1),
    entry('spark.dynamicAllocation.maxExecutors', '10'),
  ]);
  const r = simulateJob(j, { sparkVersion: 'emr-ignored-3.5.1', preset: 'steady' });
  assert.equal(r.ok, true);
  if (!r.ok) return;
  assert.equal(r.value.inputs['spark.executor.cores'], '4');
  assert.equal(r.value.static.executors, 10);
  assert.ok(r.value.notes.some((n) => n.includes('not recognised')));
  const o = simulateJob(j, {
    sparkVersion: '3.5.1',
    preset: 'steady',
    overrides: { 'spark.dynamicAllocation.maxExecutors': '3' },
  });
  if (!o.ok) assert.fail(o.problem.message);
  assert.equal(o.value.static.executors, 3);
  assert.ok(o.value.dra.summary.peakExecutors <= 3);
  assert.ok(o.value.dra.summary.runtimeSec > r.value.dra.summary.runtimeSec, 'fewer executors, longer run');
});

test('deterministic: the same input gives byte-identical JSON (jitter included)', () => {
  const conf = {
    'spark.dynamicAllocation.enabled': 'true',
    'spark.executor.cores': '4',
    'spark.dynamicAllocation.maxExecutors': '30',
  };
  const opts = { sparkVersion: '3.5.1', preset: 'interactive-burst', knobs: { podStartJitterSec: 20, seed: 7 } };
  const a = JSON.stringify(simulateConf(conf, opts));
  const b = JSON.stringify(simulateConf(conf, opts));
  assert.equal(a, b);
  const c = JSON.stringify(simulateConf(conf, { ...opts, knobs: { podStartJitterSec: 20, seed: 8 } }));
  assert.notEqual(a, c, 'the seed matters');
});

test('a 10,000-task run completes', () => {
  const w: Workload = {
    name: 'smoke',
    seed: 5,
    executor: {},
    jobs: [
      {
        id: 0,
        start: { kind: 'at', seconds: 0 },
        reusesShuffles: [],
        stages: [
          {
            id: 0,
            parents: [],
            tasks: 8000,
            duration: { kind: 'lognormal', params: { median: 2, sigma: 0.5 } },
            shuffleMap: true,
            cached: false,
            shuffleId: 0,
          },
          {
            id: 1,
            parents: [0],
            tasks: 2000,
            duration: { kind: 'uniform', params: { min: 1, max: 3 } },
            shuffleMap: false,
            cached: true,
          },
        ],
      },
    ],
  };
  const r = simulateConf(
    {
      'spark.dynamicAllocation.enabled': 'true',
      'spark.executor.cores': '4',
      'spark.dynamicAllocation.maxExecutors': '100',
    },
    { sparkVersion: '4.0.0', workload: w },
  );
  if (!r.ok) assert.fail(r.problem.message);
  assert.equal(r.value.dra.summary.tasks, 10_000);
  assert.ok(!r.value.notes.some((n) => n.includes('Stopped')));
  const busy = r.value.dra.summary.busyCoreSeconds;
  assert.equal(busy, r.value.static.summary.busyCoreSeconds, 'same work in both runs');
  assert.ok(r.value.dra.summary.peakExecutors <= 100);
});

test('cost: EMR uplift on requested vCPU and GB, EBS prorated per GiB-month, prices overridable', () => {
  const shape = executorShape(new ConfReader({ 'spark.executor.cores': '4', 'spark.executor.memory': '14g' }, '3.5.1'));
  assert.equal(shape.overheadMiB, Math.floor(0.1 * 14 * 1024));
  assert.equal(shape.memoryGb, (14 * 1024 + 1433) / 1024);
  const small = executorShape(new ConfReader({ 'spark.kubernetes.executor.request.cores': '500m' }, '3.5.1'));
  assert.equal(small.overheadMiB, 384, 'the 384 MiB floor');
  assert.equal(small.vcpuRequest, 0.5);
  assert.equal(small.cores, 1);
  const fixed = executorShape(
    new ConfReader(
      { 'spark.executor.memoryOverhead': '2g', 'spark.executor.cores': '4', 'spark.executor.memory': '14g' },
      '3.5.1',
    ),
  );
  assert.equal(fixed.memoryGb, 16);
  const c = computeCost({ podMs: 3_600_000, pvcGibHours: 730, gibLeftBehind: 50 }, fixed, DEFAULT_PRICES);
  assert.equal(c.emrUplift, Math.round((4 * 0.01012 + 16 * 0.00111125) * 1e6) / 1e6);
  assert.equal(c.storage, 0.08);
  assert.equal(c.compute, 0);
  assert.equal(c.computePriced, false, 'no node price set: compute is not known, not zero');
  assert.equal(c.leftBehindPerMonth, 4, '50 GiB left behind × $0.08 per GiB-month');
  assert.equal(c.total, Math.round((c.emrUplift + 0.08) * 1e6) / 1e6, 'what is left behind bills later, not here');
  const withInstance = computeCost(
    { podMs: 3_600_000, pvcGibHours: 0, gibLeftBehind: 0 },
    fixed,
    resolvePrices({ instanceVcpuHour: 0.05 }),
  );
  assert.equal(withInstance.compute, 0.2);
  assert.equal(withInstance.computePriced, true);
  assert.equal(withInstance.total, Math.round((c.emrUplift + 0.2) * 1e6) / 1e6);
});

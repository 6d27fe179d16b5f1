import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, run } from './helpers';

const RULE = 'apache-operator-init-unreachable';

/** An Apache operator app with the given sparkConf and applicationTolerations (lines under `applicationTolerations:`). */
function apacheApp(conf: Record<string, string>, tolerations: string, version = '4.0.1'): string {
  const lines = Object.entries(conf)
    .map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return `apiVersion: spark.apache.org/v1
kind: SparkApplication
metadata:
  name: threshold
spec:
  mainClass: "org.apache.spark.examples.SparkPi"
  sparkConf:
${lines}
  applicationTolerations:
${tolerations}
  runtimeVersions:
    sparkVersion: "${version}"
`;
}

const DRA = {
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.minExecutors': '1',
  'spark.dynamicAllocation.maxExecutors': '8',
  'spark.dynamicAllocation.shuffleTracking.timeout': '600s',
  'spark.dynamicAllocation.cachedExecutorIdleTimeout': '30min',
};
const init = (n: number, extra = '') => `    instanceConfig:\n      initExecutors: ${n}\n${extra}`;

test(`${RULE}: DRA starts with 1, operator waits for 4 → warning on initExecutors, fixes raise initialExecutors or lower the threshold`, () => {
  const text = apacheApp(DRA, init(4));
  const found = run('app.yaml', text).of(RULE);
  assert.equal(found.length, 1);
  const [warning] = found;
  assert.equal(warning?.severity, 'warning');
  assert.equal(text.slice(warning?.range.start, warning?.range.end), '4');
  assert.match(warning?.message ?? '', /starts with 1 executor/);
  assert.match(warning?.message ?? '', /executorStartTimeoutMillis \(300000 ms\)/);
  const raised = applyFix(text, warning, /initialExecutors/);
  assert.match(raised, /spark\.dynamicAllocation\.initialExecutors: "4"/);
  assert.deepEqual(run('app.yaml', raised).of(RULE), []);
  const lowered = applyFix(text, warning, /Set initExecutors to 1/);
  assert.match(lowered, /initExecutors: 1\n/);
  assert.deepEqual(run('app.yaml', lowered).of(RULE), []);
});

test(`${RULE}: initExecutors above maxExecutors → warning that it can never be reached`, () => {
  const found = run('app.yaml', apacheApp(DRA, init(12))).of(RULE);
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /never runs more than maxExecutors=8/);
});

test(`${RULE}: initExecutors within what DRA starts with, default pacing → quiet`, () => {
  const text = apacheApp({ ...DRA, 'spark.dynamicAllocation.initialExecutors': '4' }, init(4));
  assert.deepEqual(run('app.yaml', text).of(RULE), []);
});

test(`${RULE}: a timeout of 0 turns the operator's check off → quiet`, () => {
  const tolerations = `${init(4)}    applicationTimeoutConfig:\n      executorStartTimeoutMillis: 0\n`;
  assert.deepEqual(run('app.yaml', apacheApp(DRA, tolerations)).of(RULE), []);
});

test(`${RULE}: pods cannot be created within a short timeout → warning naming the batches`, () => {
  const conf = {
    ...DRA,
    'spark.dynamicAllocation.initialExecutors': '6',
    'spark.kubernetes.allocation.batch.size': '2',
    'spark.kubernetes.allocation.batch.delay': '10s',
  };
  const tolerations = `${init(6)}    applicationTimeoutConfig:\n      executorStartTimeoutMillis: 20000\n`;
  const found = run('app.yaml', apacheApp(conf, tolerations)).of(RULE);
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /takes at least 30s \(3 batches of at most 2, one per 10000 ms\)/);
});

test(`${RULE}: without DRA, initExecutors above executor.instances (2 when unset) → warning; equal → quiet`, () => {
  const found = run('app.yaml', apacheApp({}, init(3))).of(RULE);
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /spark\.executor\.instances=2/);
  assert.deepEqual(run('app.yaml', apacheApp({ 'spark.executor.instances': '3' }, init(3))).of(RULE), []);
});

test(`${RULE}: operator minExecutors above DRA's minExecutors → info on minExecutors; equal → quiet`, () => {
  const text = apacheApp(DRA, `    instanceConfig:\n      minExecutors: 3\n`);
  const found = run('app.yaml', text).of(RULE);
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'info');
  assert.equal(text.slice(found[0]?.range.start, found[0]?.range.end), '3');
  assert.match(found[0]?.message ?? '', /RunningWithBelowThresholdExecutors/);
  const aligned = apacheApp(DRA, `    instanceConfig:\n      minExecutors: 1\n`);
  assert.deepEqual(run('app.yaml', aligned).of(RULE), []);
});

test(`${RULE}: a kubeflow SparkApplication is never judged by this rule`, () => {
  const text = apacheApp(DRA, init(4)).replace('spark.apache.org/v1', 'sparkoperator.k8s.io/v1beta2');
  assert.deepEqual(run('app.yaml', text).of(RULE), []);
});

// The code lens line above each job: version, simulated figure, problems.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import {
  createSparkDraService,
  jobLensOffset,
  jobLensOutcome,
  jobLensText,
  jobLensTextOf,
} from '../../../server/src/engine';
import { failure, success } from '../../../protocol/result';
import type { SimulationResult } from '../../../protocol/simulation';

function withExecutorSeconds(dra: number, baseline: number): SimulationResult {
  const example = readFileSync(resolve(__dirname, '../../../examples/emr-eks-dra.json'), 'utf8');
  const simulated = createSparkDraService().open({ text: example, fileName: 'job.json' }).simulate();
  assert.ok(simulated.ok);
  const result = structuredClone(simulated.value);
  result.dra.summary.executorSeconds = dra;
  result.static.summary.executorSeconds = baseline;
  delete result.staticRightSized; // these cases are about the configured baseline; the right-sized one has its own test
  return result;
}

test('job lens: DRA at 77% of the static executor time → "DRA vs static −23%"', () => {
  const text = jobLensText('3.5.1', success(withExecutorSeconds(77, 100)));
  assert.equal(text.title, 'Simulate · Spark 3.5.1 · DRA vs static \u221223%');
  assert.match(text.tooltip, /static allocation at \d+ executors/);
  assert.match(text.tooltip, /synthetic workload "wide-then-narrow"/);
});

test('job lens: DRA above the baseline → a plus sign; equal → ±0%', () => {
  assert.match(jobLensText('3.5.1', success(withExecutorSeconds(110, 100))).title, /DRA vs static \+10%$/);
  assert.match(jobLensText('3.5.1', success(withExecutorSeconds(100, 100))).title, /DRA vs static ±0%$/);
});

test('job lens: no baseline executor time → no figure, and the tooltip says why', () => {
  const text = jobLensText('3.4.0', success(withExecutorSeconds(10, 0)));
  assert.equal(text.title, 'Simulate · Spark 3.4.0');
  assert.match(text.tooltip, /no executor time/);
});

test('job lens: a configuration Spark refuses → the problem heading in the title, its message in the tooltip', () => {
  const text = jobLensText('3.5.1', failure('spark-would-not-start', 'minExecutors 50 is above maxExecutors 20.'));
  assert.equal(text.title, 'Simulate · Spark 3.5.1 · Spark would not start');
  assert.equal(text.tooltip, 'minExecutors 50 is above maxExecutors 20.');
});

test('job lens: the small outcome a worker sends → the same lens text as the whole result gives', () => {
  const cases = [
    success(withExecutorSeconds(77, 100)),
    success(withExecutorSeconds(10, 0)),
    failure('spark-would-not-start', 'minExecutors 50 is above maxExecutors 20.'),
  ];
  for (const simulated of cases) {
    const outcome = jobLensOutcome(simulated);
    // It crosses from the worker as JSON text: what arrives is what the lens is written from.
    const arrived = JSON.parse(JSON.stringify(outcome)) as typeof outcome;
    assert.deepEqual(jobLensTextOf('3.5.1', arrived), jobLensText('3.5.1', simulated));
    assert.ok(JSON.stringify(outcome).length < 1000, 'the outcome is small');
  }
});

test('job lens: before the figure is known → only the command and the version', () => {
  assert.equal(jobLensText('4.0.1').title, 'Simulate · Spark 4.0.1');
});

test('job lens: the shipped DRA example on a bursty workload → DRA uses less executor time than static', () => {
  const example = readFileSync(resolve(__dirname, '../../../examples/emr-eks-dra.json'), 'utf8');
  const doc = createSparkDraService().open({ text: example, fileName: 'job.json' });
  const job = doc.jobs[0];
  assert.ok(job);
  const title = jobLensText(doc.sparkVersion(job).version, doc.simulate({ preset: 'interactive-burst' })).title;
  assert.match(title, /^Simulate · Spark 3\.5\.1 · DRA vs right-sized static \u2212\d+%$/);
});

test('job lens: a YAML job that opens with "---" gets its lens on the line after the separator', () => {
  const text = 'a: 1\n---\nkind: SparkApplication\n';
  assert.equal(jobLensOffset(text, 5), 9);
  assert.equal(jobLensOffset(text, 0), 0);
});

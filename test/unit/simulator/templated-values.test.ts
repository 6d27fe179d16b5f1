import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/engine/locators';
import { simulateJob } from '../../../server/src/engine/simulator/simulate-job';

const TEMPLATE = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
spec:
  sparkVersion: "3.5.1"
  sparkConf:
    spark.dynamicAllocation.enabled: "true"
    spark.dynamicAllocation.shuffleTracking.enabled: "true"
    spark.dynamicAllocation.maxExecutors: "{{ .Values.max }}"
    spark.executor.cores: "2"
`;

test('simulate: a Helm template with rendered values → simulated as unset, and the note names them', () => {
  const job = parseFile({ fileName: 'templates/app.yaml', text: TEMPLATE }).jobs[0];
  assert.ok(job);
  const outcome = simulateJob(job, { sparkVersion: '3.5.1', preset: 'interactive-burst' });
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.problem.message);
  const notes = outcome.value.notes.join('\n');
  assert.match(
    notes,
    /Left to Helm, simulated as unset: spark\.dynamicAllocation\.maxExecutors = \{\{ \.Values\.max \}\}/,
  );
  const literal = parseFile({ fileName: 'app.yaml', text: TEMPLATE.replace('"{{ .Values.max }}"', '"4"') }).jobs[0];
  assert.ok(literal);
  const bounded = simulateJob(literal, { sparkVersion: '3.5.1', preset: 'interactive-burst' });
  assert.ok(bounded.ok);
  assert.ok(bounded.value.dra.summary.peakExecutors <= 4);
  assert.ok(outcome.value.dra.summary.peakExecutors > 4, 'unset maxExecutors is unbounded');
});

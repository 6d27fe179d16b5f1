import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/engine/locators';
import { complete, type EngineCompletionItem } from '../../../server/src/engine/features/completion';
import type { Range } from '../../../server/src/engine/model';

const slice = (text: string, range: Range): string => text.slice(range.start, range.end);

function completeAt(fixture: string, fileName = 'app.yaml'): { items: EngineCompletionItem[]; text: string } {
  const offset = fixture.indexOf('|');
  const text = fixture.slice(0, offset) + fixture.slice(offset + 1);
  const file = { fileName, text };
  return { items: complete({ file, parsed: parseFile(file), offset, sparkVersionOf: () => '3.5.1' }), text };
}

const KUBEFLOW = (block: string) => `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
spec:
  sparkVersion: "3.5.1"
  dynamicAllocation:
${block}
  sparkConf:
    spark.executor.cores: "2"
`;

test('spec.dynamicAllocation: field names offered on a new line, without the ones already written', () => {
  const { items, text } = completeAt(KUBEFLOW('    enabled: true\n    max|'));
  assert.deepEqual(
    items.map((item) => item.label),
    ['initialExecutors', 'minExecutors', 'maxExecutors', 'shuffleTrackingEnabled', 'shuffleTrackingTimeout'],
  );
  const max = items.find((item) => item.label === 'maxExecutors');
  assert.ok(max);
  assert.equal(slice(text, max.replace), 'max');
  assert.equal(max.insertText, 'maxExecutors: ${1:10}');
  assert.equal(max.detail, 'spark.dynamicAllocation.maxExecutors');
  assert.match(max.documentation ?? '', /spark\.dynamicAllocation\.maxExecutors/);
  const timeout = items.find((item) => item.label === 'shuffleTrackingTimeout');
  assert.match(timeout?.documentation ?? '', /milliseconds/);
});

test('spec.dynamicAllocation: a name already followed by a colon is replaced alone', () => {
  const { items, text } = completeAt(KUBEFLOW('    enabled: true\n    min|Exec: 2'));
  const min = items.find((item) => item.label === 'minExecutors');
  assert.ok(min);
  assert.equal(slice(text, min.replace), 'minExec');
  assert.equal(min.insertText, 'minExecutors');
});

test('spec.dynamicAllocation: the first field of an empty block, ScheduledSparkApplication template too', () => {
  const scheduled = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: ScheduledSparkApplication
spec:
  schedule: "@hourly"
  template:
    dynamicAllocation:
      |
    sparkConf:
      spark.executor.cores: "2"
`;
  const { items } = completeAt(scheduled);
  assert.equal(items[0]?.label, 'enabled');
  assert.equal(items.length, 6);
});

test('spec.dynamicAllocation: a value position or another block gets no field names', () => {
  assert.deepEqual(
    completeAt(KUBEFLOW('    enabled: tr|')).items.filter((item) => item.label === 'maxExecutors'),
    [],
  );
  const inConf = completeAt(KUBEFLOW('    enabled: true').replace('spark.executor.cores', 'spark.executor.cor|es'));
  assert.ok(inConf.items.some((item) => item.label === 'spark.executor.cores'));
  assert.ok(!inConf.items.some((item) => item.label === 'maxExecutors'));
});

test('named volume: options of a volume whose name is typed are offered with the real name', () => {
  const { items, text } = completeAt(
    KUBEFLOW('    enabled: true').replace(
      '    spark.executor.cores: "2"',
      '    spark.executor.cores: "2"\n    spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.|',
    ),
  );
  const claim = items.find(
    (item) => item.label === 'spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.claimName',
  );
  assert.ok(claim, 'claimName for the volume named data');
  assert.equal(claim.filterText, claim.label);
  assert.equal(claim.kind, 'key');
  assert.equal(slice(text, claim.replace), 'spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.');
  assert.match(
    claim.insertText,
    /^spark\.kubernetes\.executor\.volumes\.persistentVolumeClaim\.data\.options\.claimName: "\$\{1:OnDemand\}"$/,
  );
  assert.ok(items.some((item) => item.label.endsWith('.data.options.storageClass')));
  assert.ok(items.some((item) => item.label.endsWith('.data.mount.path')));
  // The templates stay for other names.
  assert.ok(items.some((item) => item.label.includes('<name>')));
});

test('named volume: a volume the job already configures gets its missing keys, not the written ones', () => {
  const { items } = completeAt(
    KUBEFLOW('    enabled: true').replace(
      '    spark.executor.cores: "2"',
      '    spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local.options.claimName: "OnDemand"\n    spark.kubernetes.exec|',
    ),
  );
  const named = items.filter((item) => item.label.includes('.persistentVolumeClaim.spark-local.'));
  assert.ok(named.some((item) => item.label.endsWith('.spark-local.mount.path')));
  assert.ok(!named.some((item) => item.label.endsWith('.spark-local.options.claimName')));
});

// Hover and completion keep what they look up in a job for the document version (features/job-index.ts): each key's
// effective value, the keys written and the volumes named. What they answer is what a lookup made afresh gives, for
// every key of the version, and a new version of the file answers from its own text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSparkDraService } from '../../../server/src/engine';
import { effectiveValue } from '../../../server/src/engine/effective';
import { complete } from '../../../server/src/engine/features/completion';
import { hover } from '../../../server/src/engine/features/hover';
import { JobIndex } from '../../../server/src/engine/features/job-index';
import { parseFile } from '../../../server/src/engine/locators';

const service = createSparkDraService();
const fileName = 'spark-defaults.conf';
const TEXT = [
  'spark.executor.cores 2',
  'spark.dynamicAllocation.maxExecutors 10',
  'spark.executor.cores 4',
  'spark.kubernetes.executor.volumes.persistentVolumeClaim.data.mount.path /data',
  'spark.dynamicAllocation.maxExecutors 20',
  'spark.executor.cores 4',
  '',
].join('\n');

test('job-index: each key of a job with repeated keys → the effective value a fresh lookup gives', () => {
  const job = parseFile({ fileName, text: TEXT }).jobs[0];
  assert.ok(job);
  const index = new JobIndex(job, '3.5.1');
  for (const key of ['spark.executor.cores', 'spark.dynamicAllocation.maxExecutors', 'spark.executor.memory']) {
    // Asked twice: the second answer comes from what the first kept.
    assert.deepEqual(index.effective(key), effectiveValue(job, key, '3.5.1'), key);
    assert.equal(index.effective(key), index.effective(key));
  }
  assert.equal(index.effective('spark.executor.cores').value, '4');
  assert.equal(index.effective('spark.executor.cores').overridden.length, 2);
  assert.deepEqual([...index.namedVolumes().keys()], ['executor.persistentVolumeClaim.data']);
});

test('job-index: hovers on every line of one version → the same text as hovers without the kept lookups', () => {
  const doc = service.open({ text: TEXT, fileName });
  const parsed = parseFile({ fileName, text: TEXT });
  let hovered = 0;
  for (let offset = 0; offset < TEXT.length; offset += 3) {
    const kept = doc.hover(offset);
    const fresh = hover({ text: TEXT, parsed, offset, versionOf: (job) => doc.sparkVersion(job) });
    assert.deepEqual(kept, fresh, `hover at ${offset}`);
    if (kept) hovered++;
  }
  assert.ok(hovered > 20, `${hovered} hovers`);
  const losing = doc.hover(TEXT.indexOf('spark.executor.cores') + 2)?.markdown ?? '';
  assert.match(losing, /Overridden:.*`4`.*line 6/);
});

test('job-index: completion in a new version of the file → keys written in that version, not the previous one', () => {
  const first = service.open({ text: TEXT, fileName });
  const blankLine = TEXT.length;
  const labels = (doc: typeof first, offset: number) => new Set(doc.complete(offset).map((item) => item.label));
  assert.ok(!labels(first, blankLine).has('spark.executor.cores'), 'a key written once is not offered again');
  assert.ok(labels(first, blankLine).has('spark.executor.memory'));
  const typed = `${TEXT}spark.executor.memory 4g\n`;
  const second = service.open({ text: typed, fileName }, first);
  assert.ok(!labels(second, typed.length).has('spark.executor.memory'), 'the key just written is not offered');
  const parsed = parseFile({ fileName, text: typed });
  const fresh = complete({
    file: { fileName, text: typed },
    parsed,
    offset: typed.length,
    sparkVersionOf: (job) => second.sparkVersion(job).version,
  });
  assert.deepEqual(second.complete(typed.length), fresh);
  // The volume the job names is offered with its remaining options, from the kept list of volumes.
  assert.ok(
    labels(second, typed.length).has('spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.claimName'),
  );
});

// Issue 12: simulate was quadratic in the number of written keys (20,000 --conf flags took 32.6 s), because each
// entry's effective value was looked up on its own. The time is in `npm run bench` (simulator: conf-20k); this checks
// that such a job is read whole and simulated with the values that win.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSparkDraService } from '../../../server/src/engine';

const FLAGS = 20_000;

function manyFlagsJob(): string {
  const flags = ['--conf spark.dynamicAllocation.enabled=true', '--conf spark.dynamicAllocation.maxExecutors=40'];
  for (let i = 0; i < FLAGS; i++) flags.push(`--conf spark.generated.key${i % 15_000}=value${i}`);
  // The last flag for a key wins, as spark-submit reads them.
  flags.push('--conf spark.dynamicAllocation.maxExecutors=7', '--conf spark.executor.cores=2');
  return JSON.stringify({
    name: 'many-flags',
    virtualClusterId: 'abcdefghijklmnopqrstuvwxyz1',
    executionRoleArn: 'arn:aws:iam::111122223333:role/many',
    releaseLabel: 'emr-7.2.0-latest',
    jobDriver: { sparkSubmitJobDriver: { entryPoint: 's3://many/job.py', sparkSubmitParameters: flags.join(' ') } },
  });
}

test('simulate: a job with 20,000 --conf flags → every flag read, simulated with the values that win', () => {
  const document = createSparkDraService().open({ text: manyFlagsJob(), fileName: 'many-flags.json' });
  const job = document.jobs[0];
  assert.ok(job);
  assert.equal(job.entries.length, FLAGS + 4);
  const result = document.simulate({ preset: 'interactive-burst' });
  assert.ok(result.ok, result.ok ? '' : result.problem.message);
  assert.ok(result.value.dra.summary.peakExecutors > 0);
  assert.ok(result.value.dra.summary.peakExecutors <= 7, 'the later maxExecutors=7 wins over 40');
  assert.equal(result.value.static.executors, 7);
});

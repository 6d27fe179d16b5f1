// `spark-dra diff FILE --to-version X` through the built CLI, on a job file of every format.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { UpgradeDiff } from '../../protocol/upgrade-diff';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT });
}

function diffJson(file: string, ...extra: string[]): UpgradeDiff {
  const run = cli('diff', file, '--to-version', '4.2.0', '--format', 'json', ...extra);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as UpgradeDiff;
}

const BATCH = 'spark.kubernetes.allocation.batch.size';

/** Each format's example, the version it states, and the pod batch size it runs with before → after 4.2.0. */
const EXAMPLES: { file: string; kind: string; from: string; batch: [string, string] }[] = [
  { file: 'examples/emr-eks-dra.json', kind: 'emr-eks', from: '3.5.1', batch: ['10', '10'] },
  { file: 'examples/emr-serverless-job.json', kind: 'emr-serverless', from: '3.5.1', batch: ['5', '20'] },
  { file: 'examples/spark-application-dra.yaml', kind: 'spark-operator', from: '3.5.1', batch: ['10', '10'] },
  {
    file: 'examples/apache-spark-application-dra.yaml',
    kind: 'apache-spark-operator',
    from: '4.0.1',
    batch: ['10', '20'],
  },
  { file: 'examples/spark-defaults.conf', kind: 'spark-defaults', from: '3.5.1', batch: ['10', '10'] },
  { file: 'examples/pyspark_dra_job.py', kind: 'pyspark', from: '3.5.1', batch: ['5', '20'] },
  { file: 'examples/emr-eks-dra-job.sh', kind: 'emr-eks', from: '3.5.1', batch: ['5', '20'] },
];

describe('spark-dra diff on every format', () => {
  for (const example of EXAMPLES) {
    it(`${example.file}: JSON names the versions and the pod batch size, text shows the sections`, () => {
      const diff = diffJson(example.file);
      assert.equal(diff.jobKind, example.kind);
      assert.equal(diff.from.sparkVersion, example.from);
      assert.equal(diff.to.sparkVersion, '4.2.0');
      const batch = diff.values.find((change) => change.key === BATCH);
      assert.deepEqual([batch?.before.value, batch?.after.value], example.batch);
      assert.equal(batch?.after.defaultValue, '20');
      assert.ok(diff.simulation.before.ok && diff.simulation.after.ok);

      const text = cli('diff', example.file, '--to-version', '4.2.0');
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, new RegExp(`Spark ${example.from.replace(/\./g, '\\.')} .*→ Spark 4\\.2\\.0`));
      for (const heading of ['Defaults that change:', 'Checks that change:', 'Simulated effect']) {
        assert.ok(text.stdout.includes(heading), `${heading} missing:\n${text.stdout}`);
      }
      const shown = batch?.written ? 'you set 10; default' : `${example.batch[0]} → ${example.batch[1]}`;
      assert.match(text.stdout, new RegExp(`${BATCH.replace(/\./g, '\\.')}: .*${shown}`));
      assert.match(text.stdout, /runtime: \S.* → \S/);
    });
  }

  it('JSON output is byte-identical across runs', () => {
    const a = cli('diff', 'examples/emr-eks-dra.json', '--to-version', '4.2.0', '--format', 'json');
    const b = cli('diff', 'examples/emr-eks-dra.json', '--to-version', '4.2.0', '--format', 'json');
    assert.equal(a.status, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
  });
});

describe('spark-dra diff: checks, refusals and options', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spark-dra-diff-'));
  const conf = join(dir, 'spark-defaults.conf');
  writeFileSync(
    conf,
    [
      '# spark-dra: sparkVersion=3.5.1',
      'spark.dynamicAllocation.enabled true',
      'spark.dynamicAllocation.shuffleTracking.enabled true',
      'spark.dynamicAllocation.maxExecutors 8',
      'spark.kubernetes.allocation.batch.delay 50ms',
      '',
    ].join('\n'),
  );

  it('a batch delay legal on 3.5 shows as a new check and as Spark would not start on 4.2.0', () => {
    const diff = diffJson(conf);
    assert.deepEqual(
      diff.findings.appeared.map((item) => [item.ruleId, item.line]),
      [['batch-delay-too-small', 4]],
    );
    assert.equal(diff.simulation.after.ok ? 'ok' : diff.simulation.after.problem.code, 'spark-would-not-start');
    const text = cli('diff', conf, '--to-version', '4.2.0');
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /\+ new: 5:\d+ error \[batch-delay-too-small\]/);
    assert.match(text.stdout, /after: Spark would not start: .*batch\.delay/);
  });

  it('--spark-version sets the current version, --preset the workload, --job the job', () => {
    const diff = diffJson(conf, '--spark-version', '4.0.0', '--preset', 'interactive-burst', '--job', '0');
    assert.equal(diff.from.sparkVersion, '4.0.0');
    assert.equal(diff.simulation.workload, 'interactive-burst');
    // The delay is refused on both sides now: the check does not change.
    assert.deepEqual(diff.findings.appeared, []);
  });

  it('exits 2 on bad usage, an unknown version, an unreadable file and a missing job', () => {
    const cases: [string[], RegExp][] = [
      [['diff', 'examples/emr-eks-dra.json'], /needs --to-version/],
      [['diff', 'examples/emr-eks-dra.json', '--to-version', 'latest'], /--to-version must look like/],
      [['diff', 'examples/emr-eks-dra.json', '--to-version', '9.1.0'], /cannot tell what Spark 9\.1\.0 does/],
      [['diff', 'examples/emr-eks-dra.json', '--to-version', '4.2.0', '--format', 'sarif'], /--format must be/],
      [['diff', 'examples/emr-eks-dra.json', '--to-version', '4.2.0', '--preset', 'nope'], /unknown preset/],
      [['diff', join(dir, 'missing.json'), '--to-version', '4.2.0'], /cannot read/],
      [['diff', 'examples/emr-eks-dra.json', '--to-version', '4.2.0', '--job', '3'], /No Spark job/],
      [['diff', 'examples/storageclass-spark-local.yaml', '--to-version', '4.2.0'], /No Spark job/],
    ];
    for (const [args, message] of cases) {
      const run = cli(...args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}`);
      assert.match(run.stderr, message, args.join(' '));
    }
  });

  it('is listed in --help', () => {
    const run = cli('--help');
    assert.match(run.stdout, /spark-dra diff FILE --to-version X/);
  });
});

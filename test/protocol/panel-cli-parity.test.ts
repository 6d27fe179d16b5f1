// The panel and the CLI give the same figures: sparkDra/simulate with the editor's default settings (package.json's
// defaults, as VS Code sends them) and the repository open as the workspace equals `spark-dra simulate --json` on every
// job file in examples/; and a job whose Retain StorageClass is in a sibling file gets the same figures from both.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { ReplayEventLogResponse, SimulateResponse } from '../../protocol/requests';
import type { SimulationResult } from '../../protocol/simulation';
import { TestLspClient } from './lsp-client';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const EXAMPLES = join(ROOT, 'examples');

const LANGUAGES: Readonly<Record<string, string>> = {
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.sh': 'shellscript',
  '.py': 'python',
  '.conf': 'spark-defaults',
};

function filesBelow(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesBelow(path) : LANGUAGES[extname(name)] ? [path] : [];
    });
}

/** The `sparkDra` section VS Code sends when the user changed nothing: every declared default, nested by dots. */
function defaultSettings(): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
  };
  const section: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(manifest.contributes.configuration.properties)) {
    const path = name.split('.').slice(1);
    let node = section;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]] = schema.default;
  }
  return section;
}

let client: TestLspClient;
before(async () => {
  // The repository as the workspace: the CLI finds the same folder from each example (the nearest one with .git).
  client = await TestLspClient.start({ settings: defaultSettings(), rootUri: pathToFileURL(ROOT).toString() });
});
after(async () => {
  await client.stop();
});

describe('panel and CLI agree', () => {
  const files = filesBelow(EXAMPLES);

  it('finds the examples', () => {
    assert.ok(files.length >= 10, `${files.length} example files`);
  });

  for (const path of files) {
    const name = relative(ROOT, path);
    it(`${name}: the panel's simulation equals spark-dra simulate --json`, async () => {
      const uri = await client.open(name, LANGUAGES[extname(path)] ?? 'plaintext', readFileSync(path, 'utf8'));
      const panel = await client.request<SimulateResponse>('sparkDra/simulate', { uri });
      const run = spawnSync(process.execPath, [CLI, 'simulate', name, '--json'], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (!panel.ok) {
        // No job, or one Spark would refuse: the CLI refuses it too.
        assert.equal(run.status, 2, `${name}: the panel said ${panel.problem.message}; the CLI: ${run.stdout}`);
        return;
      }
      assert.equal(run.status, 0, `${name}: ${run.stderr}`);
      assert.deepEqual(panel.value, JSON.parse(run.stdout));
    });
  }
});

const VOLUME = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.data';
const SIBLING_JOB = `# spark-dra: sparkVersion=3.5.1
spark.master k8s://https://kubernetes.default.svc
spark.dynamicAllocation.enabled true
spark.dynamicAllocation.shuffleTracking.enabled true
spark.dynamicAllocation.maxExecutors 12
spark.executor.cores 4
${VOLUME}.options.claimName OnDemand
${VOLUME}.options.storageClass keep-in-sibling
${VOLUME}.options.sizeLimit 40Gi
${VOLUME}.mount.path /data
`;
const SIBLING_CLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: keep-in-sibling
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Retain
`;
const DRA_LOG = resolve(ROOT, '../shared/eventlogs/eventlog_4nodes_8cores_dynamic_alloc.zstd');

describe('panel and CLI agree on a StorageClass in a sibling file', () => {
  // A folder with no .git: the CLI takes the job file's folder as the workspace, the editor has it open.
  const folder = mkdtempSync(join(tmpdir(), 'spark-dra-sibling-'));
  mkdirSync(join(folder, 'k8s'));
  writeFileSync(join(folder, 'k8s', 'storage.yaml'), SIBLING_CLASS);
  symlinkSync('..', join(folder, 'k8s', 'up')); // a loop the scans must not follow forever
  const jobPath = join(folder, 'spark-defaults.conf');
  writeFileSync(jobPath, SIBLING_JOB);
  let sibling: TestLspClient;
  let uri = '';
  before(async () => {
    sibling = await TestLspClient.start({ settings: defaultSettings(), rootUri: pathToFileURL(folder).toString() });
    uri = await sibling.open(jobPath, 'spark-defaults', SIBLING_JOB);
  });
  after(async () => {
    await sibling.stop();
  });

  it('simulate: the same figures, with the volumes Retain leaves behind', async () => {
    const panel = await sibling.request<SimulateResponse>('sparkDra/simulate', { uri });
    if (!panel.ok) assert.fail(panel.problem.message);
    const run = spawnSync(process.execPath, [CLI, 'simulate', jobPath, '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(run.status, 0, run.stderr);
    const cli = JSON.parse(run.stdout) as SimulationResult;
    assert.deepEqual(panel.value, cli);
    assert.ok(cli.dra.summary.pvcGiBLeftBehind > 0, 'Retain leaves the volumes behind');
    assert.equal(cli.dra.summary.pvcGiBLeftBehind % 40, 0, 'whole 40Gi volumes');
    assert.equal(
      cli.notes.some((n) => /not found/.test(n)),
      false,
      cli.notes.join('\n'),
    );
  });

  it("replay with the job file's configuration: the same simulation of the logged workload", async () => {
    const panel = await sibling.request<ReplayEventLogResponse>('sparkDra/replayEventLog', { path: DRA_LOG, uri });
    if (!panel.ok) assert.fail(panel.problem.message);
    const run = spawnSync(process.execPath, [CLI, 'simulate', jobPath, '--eventlog', DRA_LOG, '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(run.status, 0, run.stderr);
    const cli = (JSON.parse(run.stdout) as { file: { ok: true; value: SimulationResult } }).file.value;
    assert.deepEqual(panel.value.dra.summary, cli.dra.summary);
    assert.deepEqual(panel.value.notes, cli.notes);
    assert.ok(cli.dra.summary.pvcGiBLeftBehind > 0, 'Retain leaves the volumes behind');
  });
});

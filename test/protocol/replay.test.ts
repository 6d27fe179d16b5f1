// sparkDra/replayEventLog over a real LSP connection: zstd, plain and rolled logs, the log's own configuration or a
// job file's, what-if overrides, errors as answers, and no disk reads in an untrusted workspace.
import assert from 'node:assert/strict';
import { ErrorCodes } from 'vscode-languageserver-protocol';
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { ReplayEventLogResponse, ReplayResult } from '../../protocol/requests';
import { TestLspClient } from './lsp-client';

/** /work/shared/eventlogs locally; CI keeps ../shared beside the repository too. Tests run from the repo root. */
const LOGS = resolve(process.cwd(), '../shared/eventlogs');
const DRA = join(LOGS, 'eventlog_4nodes_8cores_dynamic_alloc.zstd');
const SPARK_SHELL = join(LOGS, 'job_spark_shell');

function expectOk(response: ReplayEventLogResponse): ReplayResult {
  if (!response.ok) assert.fail(`expected a replay, got: ${response.problem.message}`);
  return response.value;
}

describe('sparkDra/replayEventLog (trusted workspace)', () => {
  let client: TestLspClient;
  let temp: string;
  before(async () => {
    client = await TestLspClient.start({
      settings: { defaultSparkVersion: '3.5.1' },
      initializationOptions: { workspaceTrusted: true },
    });
    temp = mkdtempSync(join(tmpdir(), 'spark-dra-replay-'));
  });
  after(async () => {
    await client.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  it("replays a zstd DRA log with the log's own configuration and returns what really ran", async () => {
    const result = expectOk(await client.request('sparkDra/replayEventLog', { path: DRA }));
    assert.equal(result.replay.confFrom, 'event-log');
    assert.equal(result.replay.loggedSparkVersion, '3.2.1');
    assert.equal(result.sparkVersion, '3.2.1');
    // Known answers from the fixture's README: 15 executors added, 14 removed, at most 7 alive, 205.3 s.
    assert.equal(result.observed.executorsAdded, 15);
    assert.equal(result.observed.executorsRemoved, 14);
    assert.equal(result.observed.peakExecutors, 7);
    assert.ok(Math.abs(result.observed.runtimeSec - 205.3) < 0.5, `runtime ${result.observed.runtimeSec}`);
    assert.equal(result.observed.complete, true);
    assert.equal(result.observed.timeline[0].t, 0);
    // The simulation is a full SimulationResult of the logged workload (235 tasks), which the panel renders.
    assert.equal(result.workload.tasks, 235);
    assert.ok(result.dra.timeline.length > 0 && result.dra.summary.peakExecutors > 0);
    assert.ok(result.static.timeline.length > 0);
    assert.equal(result.inputs['spark.dynamicAllocation.executorIdleTimeout'], '10s');
    // Calibrated from the log and simulated to the application's end, with the fidelity a panel can show.
    assert.ok(result.calibration);
    assert.match(result.calibration.summary, /^cold start 20\.9–25\.0 s \(2 executors\)/);
    assert.equal(result.calibration.removalLag.samples, 14);
    assert.ok(result.fidelity);
    assert.match(result.fidelity.summary, /^logged configuration replayed: executor-seconds within \d+%/);
    assert.equal(result.dra.jobs?.length, 20);
    assert.ok(Math.abs(result.dra.summary.runtimeSec - 205.3) < 10, `runtime ${result.dra.summary.runtimeSec}`);
  });

  it("uses an open job file's configuration and what-if overrides instead", async () => {
    const uri = await client.open(
      'replay-job/spark-defaults.conf',
      'spark-defaults',
      '# spark-dra: sparkVersion=3.5.1\nspark.dynamicAllocation.enabled true\nspark.dynamicAllocation.shuffleTracking.enabled true\nspark.dynamicAllocation.maxExecutors 6\nspark.executor.cores 4\n',
    );
    const result = expectOk(
      await client.request('sparkDra/replayEventLog', {
        path: DRA,
        uri,
        overrides: { 'spark.dynamicAllocation.executorIdleTimeout': '30s' },
        knobs: { podStartLatencySec: 2 },
      }),
    );
    assert.equal(result.replay.confFrom, 'job-file');
    assert.equal(result.sparkVersion, '3.5.1');
    assert.equal(result.inputs['spark.dynamicAllocation.maxExecutors'], '6');
    assert.equal(result.inputs['spark.dynamicAllocation.executorIdleTimeout'], '30s');
    assert.equal(result.inputs['knob podStartLatencySec'], '2');
    assert.ok(result.dra.summary.peakExecutors <= 6);
    assert.equal(result.observed.peakExecutors, 7, 'what really ran does not change');
  });

  it('reads a plain log and the same log rolled into an eventlog_v2_ directory alike', async () => {
    const plain = expectOk(await client.request('sparkDra/replayEventLog', { path: SPARK_SHELL }));
    const lines = readFileSync(SPARK_SHELL, 'utf8').split('\n');
    const dir = join(temp, 'eventlog_v2_application_1');
    mkdirSync(dir);
    const half = Math.floor(lines.length / 2);
    writeFileSync(join(dir, 'events_1_application_1'), `${lines.slice(0, half).join('\n')}\n`);
    writeFileSync(join(dir, 'events_2_application_1'), lines.slice(half).join('\n'));
    writeFileSync(join(dir, 'appstatus_application_1'), '');
    const rolled = expectOk(await client.request('sparkDra/replayEventLog', { path: dir }));
    assert.equal(rolled.workload.tasks, plain.workload.tasks);
    assert.deepEqual(rolled.observed, plain.observed);
    assert.equal(plain.replay.loggedSparkVersion, '3.4.1-amzn-0');
    assert.equal(plain.sparkVersion, '3.4.1');
  });

  it('a file that is not a log (a private key) → unreadable-input whose message quotes nothing of it', async () => {
    const secret = join(temp, 'id_rsa');
    const firstLine = '-----BEGIN OPENSSH PRIVATE KEY-----';
    writeFileSync(
      secret,
      `${firstLine}\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n`,
    );
    const answer = await client.request<ReplayEventLogResponse>('sparkDra/replayEventLog', { path: secret });
    assert.equal(answer.ok ? 'ok' : answer.problem.code, 'unreadable-input');
    const message = answer.ok ? '' : answer.problem.message;
    assert.match(message, /line 1: not valid JSON/);
    for (const piece of ['BEGIN', 'OPENSSH', 'PRIVATE', '-----', 'b3Blbn'])
      assert.ok(!message.includes(piece), message);
  });

  it('answers errors with a message, not a failure', async () => {
    const missing = await client.request<ReplayEventLogResponse>('sparkDra/replayEventLog', {
      path: join(temp, 'nope'),
    });
    assert.equal(missing.ok ? 'ok' : missing.problem.code, 'unreadable-input');
    if (!missing.ok) assert.match(missing.problem.message, /no such file or directory/);
    const relative = await client.requestError('sparkDra/replayEventLog', { path: 'logs/app' });
    assert.equal(relative.code, ErrorCodes.InvalidParams);
    const empty = join(temp, 'empty-dir');
    mkdirSync(empty);
    const noParts = await client.request<ReplayEventLogResponse>('sparkDra/replayEventLog', { path: empty });
    assert.equal(noParts.ok, false);
    if (!noParts.ok) assert.match(noParts.problem.message, /no rolled event-log parts/);
    const notJson = join(temp, 'notes.txt');
    writeFileSync(notJson, 'hello\nworld\n');
    const garbage = await client.request<ReplayEventLogResponse>('sparkDra/replayEventLog', { path: notJson });
    assert.equal(garbage.ok, false);
    const closedJob = await client.request<ReplayEventLogResponse>('sparkDra/replayEventLog', {
      path: DRA,
      uri: 'file:///not/open.json',
    });
    assert.equal(closedJob.ok ? 'ok' : closedJob.problem.code, 'not-open');
    for (const bad of [
      null,
      {},
      { path: 3 },
      { path: DRA, overrides: { x: 1 } },
      { path: DRA, knobs: { podStartLatencySec: 'slow' } },
    ]) {
      const answer = await client.requestError('sparkDra/replayEventLog', bad);
      assert.equal(answer.code, ErrorCodes.InvalidParams, JSON.stringify(bad));
    }
    // Still serving.
    expectOk(await client.request('sparkDra/replayEventLog', { path: SPARK_SHELL }));
  });
});

describe('sparkDra/replayEventLog (untrusted workspace)', () => {
  let client: TestLspClient;
  before(async () => {
    client = await TestLspClient.start({ initializationOptions: { workspaceTrusted: false } });
  });
  after(async () => {
    await client.stop();
  });

  it('refuses to read a log from disk and says why', async () => {
    const answer = await client.request<ReplayEventLogResponse>('sparkDra/replayEventLog', { path: DRA });
    assert.equal(answer.ok ? 'ok' : answer.problem.code, 'untrusted');
    if (!answer.ok) assert.match(answer.problem.message, /not trusted.*reads no files from disk/);
  });

  it('replays a log that is open in the editor', async () => {
    const uri = await client.open('open-log.json', 'json', readFileSync(SPARK_SHELL, 'utf8'));
    const result = expectOk(await client.request('sparkDra/replayEventLog', { path: fileURLToPath(uri) }));
    assert.equal(result.replay.loggedSparkVersion, '3.4.1-amzn-0');
    assert.ok(result.workload.tasks > 0);
  });
});

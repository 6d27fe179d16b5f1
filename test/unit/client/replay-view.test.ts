// Replay panel URIs and the observed-versus-simulated summary.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  logName,
  replayForPanel,
  replayHeadline,
  replaySummaryLines,
  replayTargetFromQuery,
  replayTitle,
  replayUriParts,
} from '../../../client/src/replay-view';
import { parseHostMessage } from '../../../protocol/webview-messages';
import type { ReplayResult } from '../../../protocol/requests';
import { sampleCalibration, sampleFidelity } from '../../webview/fixtures';

describe('replay panel URI', () => {
  it('round-trips the log path and the job file through the query; the path ends in the log name', () => {
    const target = { path: '/logs/eventlog_v2_spark-1234/', jobUri: 'file:///w/job%20a.json' };
    const parts = replayUriParts(target);
    assert.equal(parts.scheme, 'spark-dra-replay');
    assert.equal(parts.path, '/eventlog_v2_spark-1234');
    assert.deepEqual(replayTargetFromQuery(parts.query), target);
    assert.deepEqual(replayTargetFromQuery(replayUriParts({ path: 'C:\\logs\\app?1.zstd' }).query), {
      path: 'C:\\logs\\app?1.zstd',
    });
    assert.equal(replayUriParts({ path: 'C:\\logs\\app?1.zstd' }).path, '/app_1.zstd');
    assert.equal(replayTargetFromQuery(''), undefined);
    assert.equal(logName('/a/b/application_1.zstd'), 'application_1.zstd');
  });
});

describe('replayTitle', () => {
  it('names the log and whose configuration is simulated, so two replays of one log differ', () => {
    const logged = replayTitle({ path: '/logs/eventlog_v2_spark-1234/' });
    const withJob = replayTitle({ path: '/logs/eventlog_v2_spark-1234/', jobUri: 'file:///w/jobs/etl%20nightly.yaml' });
    assert.equal(logged, 'Replay: eventlog_v2_spark-1234 · logged conf');
    assert.equal(withJob, 'Replay: eventlog_v2_spark-1234 · etl nightly.yaml');
    assert.notEqual(logged, withJob);
    assert.equal(
      replayTitle({ path: 'C:\\logs\\app-1.zstd', jobUri: 'untitled:Untitled-1' }),
      'Replay: app-1.zstd · Untitled-1',
    );
    // The title survives the panel URI's round trip (a restored panel gets the same one).
    const target = { path: '/l/app-7', jobUri: 'file:///w/a.json' };
    const back = replayTargetFromQuery(replayUriParts(target).query);
    assert.equal(back && replayTitle(back), 'Replay: app-7 · a.json');
  });
});

const summary = {
  runtimeSec: 600,
  executorSeconds: 7200,
  busyCoreSeconds: 1,
  idleCoreSeconds: 1,
  peakExecutors: 12,
  podsCreated: 12,
  pvcsCreated: 0,
  pvcGiBHours: 0,
  pvcGiBLeftBehind: 0,
  cost: { emrUplift: 0, compute: 0, storage: 0, total: 0, currency: 'USD' as const },
  tasks: 100,
};

const breakdown = {
  seconds: {
    busy: 7000,
    'shuffle-pinned': 0,
    'cache-held': 0,
    'idle-timeout': 200,
    floor: 0,
    starting: 96,
    decommissioning: 0,
  },
  totalSec: 7296,
};

const result: ReplayResult = {
  dra: { timeline: [], summary, breakdown },
  static: { executors: 4, timeline: [], summary, breakdown },
  verdict: 'Executors are busy 96% of their time.',
  notes: [],
  inputs: {},
  fileInputs: {},
  workload: { name: 'app', jobs: 3, stages: 7, tasks: 1200 },
  sparkVersion: '3.5.1',
  observed: {
    timeline: [{ t: 0, running: 0 }],
    runtimeSec: 540,
    peakExecutors: 10,
    executorSeconds: 3600,
    executorsAdded: 14,
    executorsRemoved: 9,
    complete: false,
  },
  replay: {
    confFrom: 'event-log',
    loggedSparkVersion: '3.5.1-amzn-0',
    appName: 'orders',
    appId: 'spark-1',
    warnings: ['a truncated last line was skipped'],
  },
};

describe('replay summary', () => {
  it('compares the real run with the simulation', () => {
    const lines = replaySummaryLines('log.zstd', result);
    assert.match(
      lines[0],
      /^Replay of log\.zstd \(orders · spark-1\): logged Spark 3\.5\.1-amzn-0, simulated as Spark 3\.5\.1 with the log's own configuration\.$/,
    );
    assert.match(lines.join('\n'), /runtime: +observed 9\.0 min \(log has no application end\), simulated 10\.0 min/);
    assert.match(lines.join('\n'), /peak executors: +observed 10, simulated 12/);
    assert.match(lines.join('\n'), /executor-hours: +observed 1\.00, simulated 2\.00/);
    assert.match(lines.join('\n'), /note: a truncated last line was skipped/);
    assert.equal(
      replayHeadline('log.zstd', result),
      'log.zstd: observed peak 10 executors over 9.0 min; simulated peak 12 over 10.0 min.',
    );
  });
});

describe('replay for the simulation panel', () => {
  it('splits the simulation from what the log observed, with whose configuration was simulated', () => {
    const { result: simulation, observed } = replayForPanel({
      ...result,
      replay: { ...result.replay, confFrom: 'job-file' },
    });
    assert.equal('observed' in simulation, false);
    assert.equal('replay' in simulation, false);
    assert.deepEqual(simulation.workload, result.workload);
    assert.deepEqual(observed, {
      timeline: [{ t: 0, running: 0 }],
      runtimeSec: 540,
      peakExecutors: 10,
      executorSeconds: 3600,
      executorsAdded: 14,
      executorsRemoved: 9,
      complete: false,
      confFrom: 'job-file',
      loggedSparkVersion: '3.5.1-amzn-0',
    });
    // What the host posts passes the webview's validator unchanged.
    const message = { type: 'result', requestId: 2, result: simulation, observed };
    assert.deepEqual(parseHostMessage(message), message);
  });

  it("keeps the replay's calibration and fidelity in the simulation the panel gets, through the validator", () => {
    const { result: simulation } = replayForPanel({
      ...result,
      calibration: sampleCalibration(),
      fidelity: sampleFidelity(),
    });
    const parsed = parseHostMessage({ type: 'result', result: simulation });
    assert.deepEqual(parsed?.type === 'result' ? parsed.result.calibration : undefined, sampleCalibration());
    assert.deepEqual(parsed?.type === 'result' ? parsed.result.fidelity : undefined, sampleFidelity());
  });
});

// The calibrated replay of a hand-built log: the whole application window, per-job times, executor lifetimes, and
// the fidelity measures (on exact cases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEventLogText } from '../../../server/src/engine/eventlog';
import type { EventLogReplay } from '../../../server/src/engine/eventlog';
import { computeFidelity, observedWindows, stepAt, stepIntegral } from '../../../server/src/engine/eventlog/fidelity';
import { replayLoggedConfiguration } from '../../../server/src/engine/eventlog/replay-simulation';
import type { SimulationResult } from '../../../protocol/simulation';
import { LogBuilder, tasks } from './build-log';
import { expectOk } from './logs';

const DRA = {
  'spark.master': 'yarn',
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.minExecutors': '1',
  'spark.dynamicAllocation.schedulerBacklogTimeout': '1s',
  'spark.dynamicAllocation.executorIdleTimeout': '10s',
  'spark.shuffle.service.enabled': 'true',
  'spark.executor.cores': '4',
};

/** One executor at 5 s, a 12-task job at 30 s served by two more executors at 36 and 37 s, the app ends at 70 s. */
function log(): EventLogReplay {
  const b = new LogBuilder(DRA)
    .executor('1', 5)
    .executor('2', 36)
    .executor('3', 37)
    .job(0, 0, 30, [...tasks(4, '1', 30, 40), ...tasks(4, '2', 36, 40), ...tasks(4, '3', 37, 41)])
    .removed('2', 62)
    .removed('3', 63);
  return expectOk(parseEventLogText(b.end(70), 'hand-built'));
}

function replay(options: Parameters<typeof replayLoggedConfiguration>[1] = {}): SimulationResult {
  const r = replayLoggedConfiguration(log(), options);
  if (!r.ok) assert.fail(r.problem.message);
  return r.value;
}

test('whole application: the run goes on after the last job until the application end, executors time out', () => {
  const r = replay();
  assert.ok(r.dra.lastJobEndSec !== undefined && r.dra.lastJobEndSec < 45, `last job ${r.dra.lastJobEndSec}`);
  // The driver stayed 29 s after its last job: the simulated application ends 29 s after the simulated last job.
  assert.equal(r.dra.summary.runtimeSec, Math.round((r.dra.lastJobEndSec + 29) * 1000) / 1000);
  const lives = r.dra.executors ?? [];
  assert.equal(lives.length, 3);
  // minExecutors = 1 keeps one; the others leave 10 s (idle timeout) + 12 s (measured removal lag) after their tasks.
  const gone = lives.filter((e) => e.reason === 'idle timeout');
  assert.equal(gone.length, 2);
  for (const e of gone) assert.ok((e.removedSec as number) < r.dra.summary.runtimeSec);
  assert.equal(lives.filter((e) => e.reason === 'alive at the end').length, 1);
  assert.deepEqual(
    (r.dra.jobs ?? []).map((j) => j.id),
    [0],
  );
});

test('whole application off: the run stops at the last job, as before', () => {
  const r = replay({ wholeApplication: false });
  assert.equal(r.dra.summary.runtimeSec, r.dra.lastJobEndSec);
});

test('the replay uses the calibrated start-up: the first executor registers when the log says, 5 s', () => {
  const calibrated = replay();
  const first = Math.min(...(calibrated.dra.executors ?? []).map((e) => e.addedSec));
  assert.ok(Math.abs(first - 5) < 0.05, `first registration at ${first}`);
  assert.match(calibrated.notes[0], /^Calibrated from the log: cold start 5\.0 s \(1 executor\)/);
  const typical = replay({ calibrate: false });
  assert.equal(typical.calibration, undefined);
  const early = Math.min(...(typical.dra.executors ?? []).map((e) => e.addedSec));
  assert.ok(early > 5 && early < 10, `typical start-up registers at ${early}`);
});

test('step timelines: integral over a window and the value at a time', () => {
  const steps = [
    { t: 0, running: 0 },
    { t: 10, running: 2 },
    { t: 20, running: 1 },
  ];
  assert.equal(stepIntegral(steps, 30, 0, 30), 2 * 10 + 1 * 10);
  assert.equal(stepIntegral(steps, 30, 15, 25), 2 * 5 + 1 * 5);
  assert.equal(stepIntegral(steps, 30, 0, 100), 30);
  assert.deepEqual(
    [stepAt(steps, 30, 5), stepAt(steps, 30, 10), stepAt(steps, 30, 29), stepAt(steps, 30, 31)],
    [0, 2, 1, 0],
  );
});

test('fidelity: a simulated run equal to the observed one has no error', () => {
  const l = log();
  const r = replay();
  const o = l.observed;
  const mirror: SimulationResult = {
    ...r,
    dra: {
      ...r.dra,
      timeline: o.timeline.map((s) => ({
        ...s,
        target: 0,
        pendingPods: 0,
        busySlots: 0,
        pendingTasks: 0,
        livePvcs: 0,
      })),
      summary: { ...r.dra.summary, peakExecutors: o.peakExecutors },
      jobs: o.jobs.map((j) => ({ id: j.id, startSec: j.submittedAt, endSec: j.endedAt })),
      lastJobEndSec: Math.max(...o.jobs.map((j) => j.endedAt)),
    },
  };
  const f = computeFidelity(o, mirror);
  assert.equal(f.appWindow.errorPct, 0);
  assert.equal(f.jobWindow.errorPct, 0);
  assert.equal(f.meanAbsExecutorError, 0);
  assert.equal(f.appWindow.observedExecutorSeconds, o.executorSeconds);
  assert.deepEqual(f.jobs, [
    { id: 0, observedSec: 11, simulatedSec: 11, errorSec: 0, errorPct: 0, withinTarget: true },
  ]);
  assert.match(f.summary, /^logged configuration replayed: executor-seconds within 0% of what happened/);
});

test('fidelity: one executor too many over the whole window is its share of error, every second', () => {
  const l = log();
  const r = replay();
  const o = l.observed;
  const plusOne: SimulationResult = {
    ...r,
    dra: {
      ...r.dra,
      timeline: o.timeline.map((s) => ({
        ...s,
        running: s.running + 1,
        target: 0,
        pendingPods: 0,
        busySlots: 0,
        pendingTasks: 0,
        livePvcs: 0,
      })),
    },
  };
  const f = computeFidelity(o, plusOne);
  // 70 extra executor-seconds over the 70 s application; 71 one-second samples (0…70) each off by one.
  assert.equal(f.appWindow.simulatedExecutorSeconds, o.executorSeconds + 70);
  assert.equal(f.meanAbsExecutorError, 1);
});

test('windows: the observed job window runs from the first submission to the last job end; the simulated ones agree', () => {
  const l = log();
  const w = observedWindows(l.observed);
  assert.deepEqual([w.job.fromSec, w.job.toSec, w.app.fromSec, w.app.toSec], [30, 41, 0, 70]);
  // Executor 1 all along from 5 s; executor 2 from 36 to 62 s, executor 3 from 37 to 63 s.
  assert.equal(w.app.executorSeconds, 65 + 26 + 26);
  assert.equal(w.job.executorSeconds, 11 + 5 + 4);
  const r = replay();
  const d = r.dra;
  assert.ok(d.jobWindowExecutorSeconds !== undefined && d.appWindowExecutorSeconds !== undefined);
  assert.ok(d.jobWindowExecutorSeconds < d.appWindowExecutorSeconds);
  assert.ok(Math.abs(d.appWindowExecutorSeconds - d.summary.executorSeconds) <= 0.01 * d.summary.executorSeconds);
  assert.equal(r.fidelity?.appWindow.observedExecutorSeconds, w.app.executorSeconds);
  assert.equal(r.fidelity?.jobWindow.observedExecutorSeconds, w.job.executorSeconds);
});

test('cluster manager: a YARN log is replayed as YARN with its external shuffle service; a what-if to k8s is not', () => {
  const notes = replay().notes;
  assert.ok(
    notes.some((n) => n.startsWith('spark.master is yarn: replayed as YARN')),
    notes.join('\n'),
  );
  assert.ok(
    notes.some((n) => n.includes('the external shuffle service keeps shuffle files')),
    notes.join('\n'),
  );
  const k8s = replay({ conf: { 'spark.master': 'k8s://https://api' } }).notes;
  assert.ok(!k8s.some((n) => n.includes('replayed as YARN')), k8s.join('\n'));
  assert.ok(
    k8s.some((n) => n.includes('Kubernetes has no external shuffle service')),
    k8s.join('\n'),
  );
});

test('standalone defaults: executor cores and count left unset in the log are replayed as the log shows them', () => {
  // Two 8-core executors on a standalone cluster, neither key written: Spark's defaults there are all of a worker's
  // cores and as many executors as the cores allow, not 1 core and 2 executors.
  const build = (conf: Record<string, string>, executors: string[]) => {
    const b = new LogBuilder(conf);
    for (const id of executors) b.executor(id, 5, 8);
    b.job(
      0,
      0,
      10,
      executors.flatMap((id) => tasks(8, id, 10, 20)),
    );
    return expectOk(parseEventLogText(b.end(30), 'hand-built'));
  };
  const standalone = replayLoggedConfiguration(build({ 'spark.master': 'spark://m:7077' }, ['1', '2', '3']));
  if (!standalone.ok) assert.fail(standalone.problem.message);
  assert.equal(standalone.value.dra.summary.peakExecutors, 3, 'the three executors the log shows, not the default 2');
  assert.equal(standalone.value.dra.jobs?.[0]?.endSec, 20, 'eight tasks per 8-core executor run in one wave');
  assert.ok(standalone.value.notes.some((n) => /spark\.executor\.cores is not set in the log; .* 8 cores/.test(n)));
  assert.ok(standalone.value.notes.some((n) => /spark\.executor\.instances is not set in the log; 3 executor/.test(n)));

  const written = replayLoggedConfiguration(
    build({ 'spark.master': 'spark://m:7077', 'spark.executor.cores': '4', 'spark.executor.instances': '3' }, [
      '1',
      '2',
      '3',
    ]),
  );
  if (!written.ok) assert.fail(written.problem.message);
  assert.equal(written.value.dra.jobs?.[0]?.endSec, 30, 'written keys win: 4 cores each, two waves of 10 s');
  assert.ok(!written.value.notes.some((n) => /is not set in the log/.test(n)));
});

test('start burst: the replay starts the executors the log shows starting beyond the configuration, and says so', () => {
  const b = new LogBuilder({ ...DRA, 'spark.dynamicAllocation.minExecutors': '0' })
    .job(0, 0, 4, tasks(1, '1', 6.5, 9))
    .executor('1', 6.2)
    .executor('2', 6.3)
    .executor('3', 7.8)
    .executor('4', 8.1);
  b.job(
    1,
    1,
    15,
    ['1', '2', '3', '4'].flatMap((id) => tasks(4, id, 15, 20)),
  );
  const r = replayLoggedConfiguration(expectOk(parseEventLogText(b.end(30), 'hand-built')));
  if (!r.ok) assert.fail(r.problem.message);
  const added = (r.value.dra.executors ?? []).map((e) => e.addedSec);
  assert.equal(added.length, 4);
  assert.ok(Math.max(...added) <= 8.1 + 1e-9, `all four start with the application, as in the log: ${added}`);
  const end = r.value.dra.jobs?.[1]?.endSec ?? Infinity;
  assert.ok(end < 21, `the 16-task job runs in one wave on them, as in the log (20 s), not after a new ramp: ${end}`);
  assert.ok(r.value.notes.some((n) => /4 executors registered by 8\.1 s, .* at most 1 task/.test(n)));
});

test('local mode: the driver’s task threads are replayed as one executor of that many cores, registered when logged', () => {
  // local[4]: the log's only "executor" is the driver, added at 0.3 s with 4 cores; 8 one-second tasks make two waves.
  const b = new LogBuilder({ 'spark.master': 'local[4]' }).executor('driver', 0.3, 4);
  b.job(0, 0, 1, [...tasks(4, 'driver', 1, 2), ...tasks(4, 'driver', 2, 3)]);
  const r = replayLoggedConfiguration(expectOk(parseEventLogText(b.end(4), 'hand-built')));
  if (!r.ok) assert.fail(r.problem.message);
  assert.equal(r.value.dra.summary.peakExecutors, 1);
  assert.deepEqual(
    (r.value.dra.executors ?? []).map((e) => e.addedSec),
    [0.3],
    'the calibrated 0.3 s start, not the typical 3 s of the pod model',
  );
  assert.equal(r.value.dra.jobs?.[0]?.endSec, 3);
  assert.ok(r.value.notes.some((n) => /^Local mode: the driver ran the tasks on 4 thread/.test(n)));
  assert.equal(r.value.fidelity?.appWindow.errorPct, 0);
});

test('a job with no JobEnd (the application stopped or the log was cut) ends at the log’s end and is not a target', () => {
  const text = new LogBuilder({ 'spark.master': 'yarn', 'spark.executor.instances': '1', 'spark.executor.cores': '4' })
    .executor('1', 2)
    .job(0, 0, 4, tasks(4, '1', 4, 6))
    .job(1, 1, 7, tasks(4, '1', 7, 9))
    .end(10);
  const cut = text
    .split('\n')
    .filter((line) => !(line.includes('SparkListenerJobEnd') && line.includes('"Job ID":1')))
    .join('\n');
  const log = expectOk(parseEventLogText(cut, 'hand-built'));
  assert.deepEqual(
    log.observed.jobs.map((j) => [j.id, j.endedAt, j.failed ?? false]),
    [
      [0, 6, false],
      [1, 10, true],
    ],
  );
  const r = replayLoggedConfiguration(log);
  if (!r.ok) assert.fail(r.problem.message);
  const jobs = r.value.fidelity?.jobs ?? [];
  assert.equal(jobs[1]?.failedInLog, true);
  assert.equal(jobs[1]?.withinTarget, undefined, 'its logged end is the log’s, not the job’s');
  assert.equal(jobs[0]?.withinTarget, true);
});

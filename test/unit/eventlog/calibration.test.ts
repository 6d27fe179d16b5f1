// Each calibration estimator on a hand-built log (see build-log.ts), with its fallback when the log has no samples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEventLogText } from '../../../server/src/engine/eventlog';
import type { EventLogReplay } from '../../../server/src/engine/eventlog';
import {
  calibrateFromLog,
  impliedInitialExecutors,
  TYPICAL_START_SEC,
  withKnobOverrides,
} from '../../../server/src/engine/eventlog/calibrate';
import { LogBuilder, tasks } from './build-log';
import { expectOk } from './logs';

const STATIC = { 'spark.master': 'yarn', 'spark.executor.instances': '3', 'spark.executor.cores': '2' };
const DRA = {
  'spark.master': 'yarn',
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.minExecutors': '1',
  'spark.dynamicAllocation.schedulerBacklogTimeout': '1s',
  'spark.dynamicAllocation.executorIdleTimeout': '10s',
  'spark.shuffle.service.enabled': 'true',
  'spark.executor.cores': '4',
};

const read = (text: string): EventLogReplay => expectOk(parseEventLogText(text, 'hand-built'));

/** DRA: executor 1 at start; a 12-task job at 30 s that waits until executors 2 and 3 come at 36 s and 37 s. */
function rampLog(requested?: [number, number]): EventLogReplay {
  const b = new LogBuilder(DRA)
    .executor('1', 5)
    .executor('2', 36, 4, requested?.[0])
    .executor('3', 37, 4, requested?.[1])
    .job(0, 0, 30, [...tasks(4, '1', 30, 40), ...tasks(4, '2', 36, 40), ...tasks(4, '3', 37, 41)])
    .removed('1', 55, 'Executor Process Lost')
    .removed('2', 62)
    .removed('3', 63);
  return read(b.end(70));
}

test('cold start: the first registrations after start, their spread as a delivery rate', () => {
  const log = read(
    new LogBuilder(STATIC)
      .executor('1', 10, 2)
      .executor('2', 12, 2)
      .executor('3', 14, 2)
      .job(0, 0, 20, tasks(2, '1', 20, 25))
      .end(30),
  );
  const c = calibrateFromLog(log);
  assert.equal(c.coldStart.value, 10);
  assert.deepEqual([c.coldStart.samples, c.coldStart.min, c.coldStart.max], [3, 10, 14]);
  assert.equal(c.coldStart.source, 'log');
  assert.equal(c.coldRate.value, 0.5);
  assert.equal(c.appTailSec, 5);
  assert.deepEqual(c.knobs, { coldStartSec: 10, coldRatePerSec: 0.5 });
  assert.match(c.summary, /^cold start 10\.0–14\.0 s \(3 executors\)/);
});

test('cold start: with no executor in the log, the typical start-up and no knob', () => {
  const log = read(new LogBuilder(STATIC).job(0, 0, 20, tasks(2, 'driver', 20, 25)).end(30));
  const c = calibrateFromLog(log);
  assert.equal(c.coldStart.source, 'fallback');
  assert.equal(c.coldStart.value, TYPICAL_START_SEC);
  assert.equal(c.coldStart.samples, 0);
  assert.equal(c.coldRate.value, 0);
  assert.deepEqual(c.knobs, {});
  assert.match(c.summary, /cold start 8\.0 s \(typical; no samples\)/);
});

test('add latency: backlog timer firing (backlog start + schedulerBacklogTimeout) → first registration', () => {
  const c = calibrateFromLog(rampLog());
  // 8 tasks waited from 30 s; the timer fired at 31 s; executor 2 registered at 36 s.
  assert.equal(c.addLatency.value, 5);
  assert.equal(c.addLatency.source, 'log');
  assert.equal(c.addLatency.samples, 1);
  // Executors 2 and 3 of the same ramp came 1 s apart.
  assert.equal(c.addRate.value, 1);
  assert.equal(c.knobs.addLatencySec, 5);
  assert.match(c.summary, /add latency 5\.0 s \(1 ramp\)/);
});

test('add latency: Request Time, when the log has it, wins over the estimate', () => {
  const c = calibrateFromLog(rampLog([31.5, 32]));
  assert.equal(c.addLatency.source, 'request-time');
  assert.equal(c.addLatency.samples, 2);
  assert.equal(c.addLatency.value, 4.75);
  assert.match(c.summary, /add latency 4\.8 s \(2 requests\)/);
});

test('add latency: a ramp that an earlier request may still answer is left out', () => {
  // Ramp 1: timer at 31 s, executor 2 at 36 s (5 s). Ramp 2: a job at 38 s waits; timer at 39 s; executor 4 at
  // 39.5 s, only 2.5 s after ramp 1's last registration (37 s), less than the 5 s seen: it may be ramp 1's.
  const b = new LogBuilder(DRA)
    .executor('1', 5)
    .executor('2', 36)
    .executor('3', 37)
    .job(0, 0, 30, [...tasks(4, '1', 30, 40), ...tasks(4, '2', 36, 40), ...tasks(4, '3', 37, 41)])
    .executor('4', 39.5)
    .job(1, 1, 38, [...tasks(4, '4', 39.5, 45), ...tasks(4, '1', 40, 45), ...tasks(4, '2', 40.5, 45)]);
  const c = calibrateFromLog(read(b.end(80)));
  assert.equal(c.addLatency.value, 5);
  assert.equal(c.addLatency.samples, 1);
  assert.match(c.addLatency.basis, /1 of 2 ramp/);
});

test('add latency: with dynamic allocation off, the typical start-up (no ramps to learn from)', () => {
  const log = read(
    new LogBuilder(STATIC)
      .executor('1', 10, 2)
      .job(0, 0, 20, tasks(2, '1', 20, 25))
      .end(30),
  );
  const c = calibrateFromLog(log);
  assert.equal(c.addLatency.source, 'fallback');
  assert.equal(c.addLatency.value, TYPICAL_START_SEC);
  assert.match(c.addLatency.basis, /dynamic allocation is off/);
  assert.equal(c.knobs.addLatencySec, undefined);
});

test('removal lag: idle deadline (last task end + executorIdleTimeout) → removal, driver kills only', () => {
  const c = calibrateFromLog(rampLog());
  // Executor 2: last task 40 s, deadline 50 s, removed 62 s; executor 3: 41 → 51 → 63. Executor 1 was lost.
  assert.equal(c.removalLag.value, 12);
  assert.equal(c.removalLag.samples, 2);
  assert.equal(c.exitTime.value, 12);
  assert.equal(c.knobs.removalLagSec, 12);
  assert.match(c.summary, /removal lag 12\.0 s \(2\)$/);
  assert.equal(c.appTailSec, 29);
});

test('removal lag: no executor removed by the driver → the typical exit time and no knob', () => {
  const log = read(
    new LogBuilder(DRA)
      .executor('1', 5)
      .job(0, 0, 10, tasks(4, '1', 10, 12))
      .end(20),
  );
  const c = calibrateFromLog(log);
  assert.equal(c.removalLag.source, 'fallback');
  assert.equal(c.removalLag.value, 1);
  assert.equal(c.knobs.removalLagSec, undefined);
  assert.match(c.summary, /removal lag 1\.0 s \(typical; no samples\)/);
});

test('knobs win over measured values and say so', () => {
  const c = withKnobOverrides(calibrateFromLog(rampLog()), { removalLagSec: 2, seed: 3 });
  assert.equal(c.removalLag.value, 2);
  assert.equal(c.removalLag.source, 'knob');
  assert.match(c.removalLag.basis, /the log gave 12/);
  assert.equal(c.knobs.removalLagSec, 2);
  assert.equal(c.addLatency.source, 'log');
});

test('odd logs never throw: no application start or end, removals before the deadline, every event dropped in turn', () => {
  const full = new LogBuilder(DRA)
    .executor('1', 5)
    .executor('2', 36)
    .job(0, 0, 30, [...tasks(4, '1', 30, 40), ...tasks(4, '2', 36, 40)])
    .removed('2', 41)
    .end(70)
    .trim()
    .split('\n');
  for (let drop = 0; drop < full.length; drop++) {
    const parsed = parseEventLogText(full.filter((_, i) => i !== drop).join('\n'), 'cut');
    if (!parsed.ok) continue;
    const c = calibrateFromLog(parsed);
    for (const v of [
      c.coldStart,
      c.coldRate,
      c.addLatency,
      c.firstAddLatency,
      c.addRate,
      c.removalLag,
      c.exitTime,
      c.launchDelay,
    ])
      assert.ok(Number.isFinite(v.value) && v.value >= 0, `${drop}: ${JSON.stringify(v)}`);
    assert.ok(Number.isFinite(c.appTailSec) && c.appTailSec >= 0);
    // Removed 1 s after its last task, long before its 10 s idle deadline: not an idle removal.
    assert.equal(c.removalLag.source, 'fallback', `${drop}`);
  }
});

test('stage launch delay: median of stage submission → first task launch; 0 gives no knob', () => {
  const at = (job: number, start: number, launch: number) =>
    [job, job, start, tasks(2, '1', launch, launch + 1)] as const;
  const b = new LogBuilder(STATIC).executor('1', 5, 2);
  for (const [job, stage, start, list] of [at(0, 10, 10.02), at(1, 12, 12.03), at(2, 14, 18)])
    b.job(job, stage, start, list);
  const c = calibrateFromLog(read(b.end(30)));
  assert.equal(c.launchDelay.value, 0.03, 'the stage that waited 4 s is an outlier the median ignores');
  assert.deepEqual([c.launchDelay.samples, c.launchDelay.min, c.launchDelay.max], [3, 0.02, 4]);
  assert.equal(c.knobs.launchDelaySec, 0.03);
  assert.match(c.summary, /stage launch 30 ms \(3 stages\)$/);

  const instant = calibrateFromLog(
    read(
      new LogBuilder(STATIC)
        .executor('1', 5, 2)
        .job(0, 0, 10, tasks(2, '1', 10, 11))
        .end(20),
    ),
  );
  assert.equal(instant.launchDelay.value, 0);
  assert.equal(instant.knobs.launchDelaySec, undefined);
  assert.doesNotMatch(instant.summary, /stage launch/);
});

test('stage launch delay: a stage that waited for a new executor counts from its registration', () => {
  // Two of three stages start before any executor that can run them: their first tasks run on executors that
  // register 6 s and 5 s later. Counted from submission, the median would be 5 s; the driver took 0.2–0.3 s.
  const log = read(
    new LogBuilder(DRA)
      .executor('1', 5)
      .job(0, 0, 20, tasks(4, '1', 20.1, 21))
      .executor('2', 36)
      .job(1, 1, 30, tasks(4, '2', 36.3, 38))
      .executor('3', 45)
      .job(2, 2, 40, tasks(4, '3', 45.2, 47))
      .end(60),
  );
  assert.deepEqual(log.observed.launchDelays, [0.1, 0.3, 0.2]);
  const c = calibrateFromLog(log);
  assert.equal(c.launchDelay.value, 0.2);
  assert.match(c.launchDelay.basis, /registration it waited for/);
});

test('stage launch delay: no stage with both a submission and a launch → the fallback 0', () => {
  const log = read(
    new LogBuilder(STATIC)
      .executor('1', 5, 2)
      .job(0, 0, 10, tasks(2, '1', 10.5, 11))
      .end(20),
  );
  const c = calibrateFromLog({ ...log, observed: { ...log.observed, launchDelays: [] } });
  assert.equal(c.launchDelay.source, 'fallback');
  assert.equal(c.launchDelay.value, 0);
  assert.equal(c.knobs.launchDelaySec, undefined);
});

test('add latency by phase: the first ramp (asked before any added executor came) apart from the later ones', () => {
  // Ramp 1: timer at 31 s, executor 2 at 40 s (9 s). Ramp 2: timer at 61 s, executor 3 at 64 s (3 s). Ramp 3: timer
  // at 91 s, executor 4 at 95 s (4 s). Every executor idles out before the next job.
  const b = new LogBuilder(DRA)
    .executor('1', 5)
    .executor('2', 40)
    .job(0, 0, 30, [...tasks(4, '1', 30, 44), ...tasks(4, '2', 40, 44)])
    .removed('1', 55)
    .removed('2', 55)
    .executor('3', 64)
    .job(1, 1, 60, tasks(4, '3', 64, 70))
    .removed('3', 81)
    .executor('4', 95)
    .job(2, 2, 90, tasks(4, '4', 95, 100));
  const c = calibrateFromLog(read(b.end(120)));
  assert.deepEqual([c.addLatency.value, c.addLatency.samples, c.addLatency.min, c.addLatency.max], [3.5, 2, 3, 4]);
  assert.deepEqual([c.firstAddLatency.value, c.firstAddLatency.samples], [9, 1]);
  assert.equal(c.knobs.addLatencySec, 3.5);
  assert.equal(c.knobs.firstAddLatencySec, 9);
  assert.match(c.summary, /add latency 3\.5 s \(2 later ramps\), first ramp 9\.0 s/);
});

test('add latency by phase: with one phase only, the first ramp takes the add latency and gets no knob', () => {
  const c = calibrateFromLog(rampLog());
  assert.equal(c.firstAddLatency.value, c.addLatency.value);
  assert.match(c.firstAddLatency.basis, /no later ramp/);
  assert.equal(c.knobs.firstAddLatencySec, undefined);
  assert.doesNotMatch(c.summary, /first ramp/);
  const fallback = calibrateFromLog(
    read(
      new LogBuilder(STATIC)
        .executor('1', 10, 2)
        .job(0, 0, 20, tasks(2, '1', 20, 25))
        .end(30),
    ),
  );
  assert.equal(fallback.firstAddLatency.source, 'fallback');
});

test('start burst: more executors than tasks before any leaves become the initial count the replay asks for', () => {
  const platform = { ...DRA, 'spark.dynamicAllocation.minExecutors': '0' };
  // One task pending or running, yet four executors register within 2 s: the configuration asks for at most one.
  const burst = read(
    new LogBuilder(platform)
      .job(0, 0, 4, tasks(1, '1', 6.5, 9))
      .executor('1', 6.2)
      .executor('2', 6.3)
      .executor('3', 7.8)
      .executor('4', 8.1)
      .job(1, 1, 15, [
        ...tasks(4, '1', 15, 20),
        ...tasks(4, '2', 15, 20),
        ...tasks(4, '3', 15, 20),
        ...tasks(4, '4', 15, 20),
      ])
      .end(30),
  );
  assert.deepEqual(burst.observed.startBurst, { executors: 4, at: 8.1, mostTasks: 1 });
  const c = calibrateFromLog(burst);
  assert.equal(impliedInitialExecutors(burst), 4);
  assert.deepEqual([c.coldStart.samples, c.coldStart.min, c.coldStart.max], [4, 6.2, 8.1]);
  assert.match(c.summary, /^cold start 6\.2–8\.1 s \(4 executors, 4 beyond the configuration\)/);

  // Two executors for eight pending tasks: the tasks explain them, nothing is inferred.
  const asked = read(
    new LogBuilder(platform)
      .job(0, 0, 4, [...tasks(4, '1', 6.5, 9), ...tasks(4, '2', 6.6, 9)])
      .executor('1', 6.2)
      .executor('2', 6.3)
      .end(30),
  );
  assert.equal(asked.observed.startBurst, undefined);
  assert.equal(impliedInitialExecutors(asked), undefined);

  // The configuration's own initial executors cover a burst of that size.
  const configured = { ...burst, conf: { ...burst.conf, 'spark.dynamicAllocation.initialExecutors': '4' } };
  assert.equal(impliedInitialExecutors(configured), undefined);
  assert.doesNotMatch(calibrateFromLog(configured).summary, /beyond the configuration/);
});

// The known answers of ../shared/eventlogs/README.md, checked against what readEventLog makes of each log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRA, LINKEDIN_DRA, SPARK_SHELL, STATIC_FAILURES, load } from './logs';

const near = (actual: number, expected: number, tolerance: number, what: string): void => {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected} ± ${tolerance}`);
};

test('job_spark_shell: two jobs of 8 tasks of ~60 s on 1 executor with 4 cores, Spark 3.4.1', async () => {
  const r = await load(SPARK_SHELL);
  assert.equal(r.sparkVersion, '3.4.1-amzn-0');
  assert.equal(r.appName, 'Spark shell');
  assert.equal(r.workload.jobs.length, 2);
  for (const job of r.workload.jobs) {
    assert.equal(job.stages.length, 1);
    const [stage] = job.stages;
    assert.equal(stage.tasks, 8);
    assert.equal(stage.duration.kind, 'list');
    if (stage.duration.kind === 'list') {
      assert.equal(stage.duration.seconds.length, 8);
      for (const s of stage.duration.seconds) assert.ok(s >= 60 && s < 62, `task of ${s} s`);
    }
    assert.equal(stage.shuffleMap, false);
  }
  assert.equal(r.workload.executor.cores, 4);
  // Job 0 ran 91.9 → 213.3 s, job 1 225.9 → 346.0 s: a first start at 91.9 s and a gap of 12.6 s.
  const [j0, j1] = r.workload.jobs;
  assert.equal(j0.start.kind, 'at');
  if (j0.start.kind === 'at') near(j0.start.seconds, 91.9, 0.05, 'job 0 submit');
  assert.equal(j1.start.kind, 'afterPrevious');
  if (j1.start.kind === 'afterPrevious') near(j1.start.gapSeconds, 225.9 - 213.3, 0.1, 'gap before job 1');
  assert.equal(r.observed.executors.length, 1);
  assert.equal(r.observed.executors[0].cores, 4);
  assert.equal(r.observed.executors[0].removedAt, undefined);
  assert.equal(r.observed.executors[0].tasks, 16);
  assert.equal(r.observed.peakExecutors, 1);
  near(r.observed.runtimeSec, 795.5, 0.05, 'app runtime');
  assert.deepEqual(r.stats.taskEndReasons, { Success: 16 });
  assert.equal(r.stats.tasks, 16);
  assert.equal(r.stats.jobs, 2);
  assert.equal(r.conf['spark.dynamicAllocation.enabled'] ?? 'false', 'false');
  assert.deepEqual(r.warnings, []);
});

test('DRA log: 20 jobs, 235 tasks, 15 executors added and 14 removed, peak 7, ~498 executor-seconds', async () => {
  const r = await load(DRA);
  assert.equal(r.sparkVersion, '3.2.1');
  assert.equal(r.conf['spark.dynamicAllocation.enabled'], 'true');
  assert.equal(r.conf['spark.dynamicAllocation.executorIdleTimeout'], '10s');
  assert.equal(r.conf['spark.executor.instances'], '2');
  assert.equal(r.stats.jobs, 20);
  assert.equal(r.stats.stages, 20);
  assert.equal(r.stats.tasks, 235);
  assert.equal(r.stats.successfulTasks, 235);
  assert.equal(r.stats.executorsAdded, 15);
  assert.equal(r.stats.executorsRemoved, 14);
  assert.equal(r.workload.jobs.length, 20);
  const stages = r.workload.jobs.flatMap((j) => j.stages);
  assert.equal(stages.length, 20);
  assert.equal(
    stages.reduce((n, s) => n + s.tasks, 0),
    235,
  );
  assert.equal(r.workload.executor.cores, 4);

  const ex = r.observed.executors;
  assert.equal(ex.length, 15);
  assert.equal(ex.filter((e) => e.removedAt !== undefined).length, 14);
  assert.ok(ex.filter((e) => e.removedAt !== undefined).every((e) => e.reason === 'Executor killed by driver.'));
  assert.ok(ex.every((e) => e.cores === 4));
  assert.equal(r.observed.peakExecutors, 7);
  near(r.observed.executorSeconds, 498, 1, 'executor-seconds');
  near(r.observed.runtimeSec, 205.3, 0.05, 'app runtime');

  // The two initial executors: added at 20.9 s and 25.0 s, removed at 44.7 s and 48.2 s, before the first job (92.9 s).
  const first = [...ex].sort((a, b) => a.addedAt - b.addedAt).slice(0, 2);
  near(first[0].addedAt, 20.9, 0.05, 'first executor added');
  near(first[1].addedAt, 25.0, 0.05, 'second executor added');
  near(first[0].removedAt ?? -1, 44.7, 0.05, 'first executor removed');
  near(first[1].removedAt ?? -1, 48.2, 0.05, 'second executor removed');
  const j0 = r.workload.jobs[0].start;
  assert.equal(j0.kind, 'at');
  if (j0.kind === 'at') near(j0.seconds, 92.9, 0.05, 'first job submitted');

  // Idle removal came 21–24 s (two cases: 31–34 s) after the last task ended, or after the executor was added.
  const idle = ex
    .filter((e) => e.removedAt !== undefined)
    .map((e) => (e.removedAt as number) - (e.lastTaskEndAt ?? e.addedAt));
  const normal = idle.filter((d) => d >= 21 && d <= 24.05).length;
  const long = idle.filter((d) => d >= 31 && d <= 34.05).length;
  assert.equal(normal + long, 14, `idle times ${idle.join(', ')}`);
  assert.equal(long, 2);

  // The step timeline agrees with the executor list.
  const tl = r.observed.timeline;
  assert.deepEqual(tl[0], { t: 0, running: 0 });
  assert.equal(Math.max(...tl.map((p) => p.running)), 7);
  assert.equal(tl[tl.length - 1].running, 1);
  near(tl[tl.length - 1].t, 205.3, 0.05, 'timeline end');
  for (let i = 1; i < tl.length; i++) assert.ok(tl[i].t > tl[i - 1].t, 'timeline times strictly increase');
});

test('static log with failures: 8,630 task ends, 8,577 successes, 135 stages, JobEnd without JobStart survived', async () => {
  const r = await load(STATIC_FAILURES);
  assert.equal(r.sparkVersion, '3.1.1');
  assert.equal(r.stats.events, 17717);
  assert.equal(r.stats.tasks, 8630);
  assert.equal(r.stats.successfulTasks, 8577);
  assert.deepEqual(r.stats.taskEndReasons, { Success: 8577, Resubmitted: 50, FetchFailed: 2, ExecutorLostFailure: 1 });
  assert.equal(r.stats.stages, 135);
  assert.equal(r.stats.jobStarts, 75);
  assert.equal(r.stats.jobEnds, 80);
  assert.equal(r.stats.jobEndsWithoutStart, 5);
  assert.equal(r.stats.skippedStages, 95);
  assert.equal(r.conf['spark.executor.instances'], '8');
  assert.deepEqual(r.workload.executor, { cores: 4, taskCpus: 4 });

  // Every submitted stage is in the workload exactly once, and no skipped stage is.
  const stageIds = r.workload.jobs.flatMap((j) => j.stages.map((s) => s.id));
  assert.equal(stageIds.length, 135);
  assert.equal(new Set(stageIds).size, 135);
  // Jobs 10 lists stages 30, 31, 32; only 32 ran, so its recorded parent 31 is dropped.
  const job10 = r.workload.jobs.find((j) => j.id === 10);
  assert.ok(job10);
  assert.deepEqual(
    job10.stages.map((s) => [s.id, s.parents]),
    [[32, []]],
  );
  // Job 20 has a JobEnd but no JobStart; its stage 62 (submitted just before that JobEnd) is placed in it.
  const job20 = r.workload.jobs.find((j) => j.id === 20);
  assert.ok(job20);
  assert.deepEqual(
    job20.stages.map((s) => s.id),
    [62],
  );
  assert.equal(r.workload.jobs.length, 80);

  // Very short tasks: the median successful task is a few milliseconds.
  const all = r.workload.jobs.flatMap((j) =>
    j.stages.flatMap((s) => (s.duration.kind === 'list' ? s.duration.seconds : [])),
  );
  all.sort((a, b) => a - b);
  assert.ok(all[all.length >> 1] <= 0.01, `median task ${all[all.length >> 1]} s`);

  // Two executors were lost at about 97.2 s.
  const lost = r.observed.executors.filter((e) => e.removedAt !== undefined);
  assert.equal(lost.length, 2);
  for (const e of lost) {
    assert.equal(e.reason, 'Executor Process Lost');
    near(e.removedAt as number, 97.2, 0.2, `executor ${e.id} removed`);
  }
  assert.equal(r.observed.executors.length, 8);
  assert.equal(r.observed.peakExecutors, 8);
});

test('application_1628…: DRA conf, 10 executors registered between 71.3 and 90 s, 150 s idle removals', async () => {
  const r = await load(LINKEDIN_DRA);
  assert.equal(r.sparkVersion, '3.1.1.119');
  const conf = r.conf;
  assert.equal(conf['spark.dynamicAllocation.enabled'], 'true');
  assert.equal(conf['spark.dynamicAllocation.minExecutors'], '1');
  assert.equal(conf['spark.dynamicAllocation.initialExecutors'], '3');
  assert.equal(conf['spark.dynamicAllocation.maxExecutors'], '900');
  assert.equal(conf['spark.executor.instances'], '10');
  assert.equal(conf['spark.dynamicAllocation.schedulerBacklogTimeout'], '5');
  assert.equal(conf['spark.dynamicAllocation.sustainedSchedulerBacklogTimeout'], '5');
  assert.equal(conf['spark.dynamicAllocation.executorIdleTimeout'], '150');
  assert.equal(conf['spark.dynamicAllocation.cachedExecutorIdleTimeout'], '1200');
  assert.equal(conf['spark.executor.cores'], '1');
  assert.equal(conf['spark.eventLog.compress'], 'true');

  const ex = r.observed.executors;
  assert.equal(ex.length, 10);
  const added = ex.map((e) => e.addedAt);
  near(Math.min(...added), 71.3, 0.05, 'first registration');
  near(Math.max(...added), 90.0, 0.05, 'last registration');
  assert.equal(r.observed.peakExecutors, 10);

  // One job: 4 tasks (plus a killed speculative copy) from 178.1 s to 242.4 s.
  assert.equal(r.workload.jobs.length, 1);
  const [stage] = r.workload.jobs[0].stages;
  assert.equal(stage.tasks, 4);
  assert.equal(r.stats.speculativeTasks, 1);
  assert.deepEqual(r.stats.taskEndReasons, { Success: 4, TaskKilled: 1 });
  const start = r.workload.jobs[0].start;
  assert.equal(start.kind, 'at');
  if (start.kind === 'at') near(start.seconds, 178.1, 0.05, 'job submitted');
  const lastEnd = Math.max(...ex.map((e) => e.lastTaskEndAt ?? 0));
  near(lastEnd, 242.4, 0.1, 'last task end');

  // Six executors that never ran a task left 150.7–153.7 s after registering; the 4 that ran tasks stayed.
  const idle = ex.filter((e) => e.tasks === 0);
  assert.equal(idle.length, 6);
  for (const e of idle) {
    assert.ok(e.removedAt !== undefined);
    const d = (e.removedAt as number) - e.addedAt;
    assert.ok(d >= 150.6 && d <= 153.8, `executor ${e.id} removed ${d} s after registering`);
  }
  const busy = ex.filter((e) => e.tasks > 0);
  assert.equal(busy.length, 4);
  assert.ok(busy.every((e) => e.removedAt === undefined));
  near(r.observed.runtimeSec, 274.9, 0.05, 'app runtime');
  assert.deepEqual(r.observed.timeline[r.observed.timeline.length - 1], { t: r.observed.runtimeSec, running: 4 });
});

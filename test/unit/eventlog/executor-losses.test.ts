// Executor losses from the log: which removals count as losses, how they are matched to simulated executors (by
// registration order), and the replay of the logged configuration losing them at the logged time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEventLogText } from '../../../server/src/engine/eventlog';
import { executorLosses } from '../../../server/src/engine/eventlog/executor-losses';
import { replayLoggedConfiguration } from '../../../server/src/engine/eventlog/replay-simulation';
import { LogBuilder } from './build-log';
import { expectOk } from './logs';

const STATIC = { 'spark.master': 'yarn', 'spark.executor.instances': '2', 'spark.executor.cores': '1' };

/** Executors 1 (5 s) and 2 (6 s); a 2-task job at 10 s; executor 2 is lost at 15 s and its task re-runs on 1. */
function lossLog(reason = 'Executor Process Lost'): string {
  return new LogBuilder(STATIC)
    .executor('1', 5, 1)
    .executor('2', 6, 1)
    .job(0, 0, 10, [
      { exec: '1', launch: 10, end: 30 },
      { exec: '1', launch: 30, end: 50 },
    ])
    .attempt(0, { exec: '2', launch: 10, end: 15 }, 'ExecutorLostFailure')
    .removed('2', 15, reason)
    .end(60);
}

test('executor losses: removals the driver did not ask for, named by registration order', () => {
  const log = expectOk(parseEventLogText(lossLog(), 'hand-built'));
  assert.deepEqual(executorLosses(log.observed.executors), [{ atMs: 15_000, ordinal: 2 }]);
  const killed = expectOk(parseEventLogText(lossLog('Executor killed by driver.'), 'hand-built'));
  assert.deepEqual(executorLosses(killed.observed.executors), []);
});

test('executor losses: the logged configuration loses the executor at the logged time and re-runs its task', () => {
  const log = expectOk(parseEventLogText(lossLog(), 'hand-built'));
  const r = replayLoggedConfiguration(log);
  if (!r.ok) assert.fail(r.problem.message);
  const lives = r.value.dra.executors ?? [];
  const lost = lives.filter((e) => e.reason === 'lost (as in the log)');
  assert.equal(lost.length, 1);
  assert.equal(lost[0].removedSec, 15);
  assert.equal(lost[0].addedSec, 6, 'the second executor to register, as in the log');
  assert.ok(
    r.value.notes.some((n) =>
      /^Executor losses from the log: 1 of 1 executor\(s\) lost at the logged time .* 1 running task\(s\) re-run\.$/.test(
        n,
      ),
    ),
    r.value.notes.join('\n'),
  );
  // The lost task (20 s) started again later, so the job ends later than a run that loses nothing would.
  const job = (r.value.dra.jobs ?? [])[0];
  assert.ok(job.endSec !== undefined && job.endSec > 30, `job ended at ${job.endSec}`);
  // A replacement was asked for (the fixed target stays 2): a third executor registers after the loss.
  assert.ok(
    lives.some((e) => e.addedSec > 15),
    JSON.stringify(lives),
  );
});

test('executor losses: a what-if configuration loses nothing', () => {
  const log = expectOk(parseEventLogText(lossLog(), 'hand-built'));
  const r = replayLoggedConfiguration(log, { conf: { 'spark.executor.instances': '3' } });
  if (!r.ok) assert.fail(r.problem.message);
  assert.equal((r.value.dra.executors ?? []).filter((e) => e.reason === 'lost (as in the log)').length, 0);
  assert.ok(!r.value.notes.some((n) => n.startsWith('Executor losses from the log')));
});

test('executor losses: an executor whose own process failed goes as long after registering as in the log', () => {
  const failed =
    'Container marked as failed: container_1538416563558_0014_01_000003 on host: n2. Exit status: 56. Diagnostics: …';
  const log = expectOk(parseEventLogText(lossLog(failed), 'hand-built'));
  // Executor 2 registered at 6 s and failed at 15 s: 9 s into its life. YARN's memory-limit kills and Kubernetes' OOM
  // exits count too; preemption and a lost node (YARN's −102 and −100) do not.
  for (const reason of [
    'Container killed by YARN for exceeding physical memory limits. 10.1 GB of 10 GB physical memory used.',
    'The executor with id 2 exited with exit code 137(SIGKILL, possible container OOM).',
  ])
    assert.ok(
      executorLosses(expectOk(parseEventLogText(lossLog(reason), 'hand-built')).observed.executors)[0]
        .afterRegistrationMs !== undefined,
      reason,
    );
  assert.deepEqual(executorLosses(log.observed.executors), [{ atMs: 15_000, ordinal: 2, afterRegistrationMs: 9000 }]);
  for (const reason of [
    'Executor Process Lost',
    'worker lost: 10.0.0.1 got disassociated',
    'exit code: 0',
    'Container marked as failed: container_1 on host: n2. Exit status: -102. Diagnostics: Container preempted',
    'Container marked as failed: container_1 on host: n2. Exit status: -100. Diagnostics: released on a *lost* node',
  ])
    assert.equal(
      executorLosses(expectOk(parseEventLogText(lossLog(reason), 'hand-built')).observed.executors)[0]
        .afterRegistrationMs,
      undefined,
      reason,
    );
  // Replayed under a later start (a 3 s cold start instead of the logged 6 s), the loss keeps its 9 s.
  const r = replayLoggedConfiguration(log, { knobs: { coldStartSec: 3 } });
  if (!r.ok) assert.fail(r.problem.message);
  const lost = (r.value.dra.executors ?? []).filter((e) => e.reason === 'lost (as in the log)');
  assert.equal(lost.length, 1);
  assert.equal((lost[0].removedSec ?? 0) - lost[0].addedSec, 9);
  assert.ok(r.value.notes.some((n) => /lost as long after registering as in the log, since their own/.test(n)));
});

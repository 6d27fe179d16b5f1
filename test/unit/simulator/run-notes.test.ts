// The simulation's notes about its runs on their own (run-notes.ts); simulate-job.test.ts sees them in results.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lossNote, staticCountNote } from '../../../server/src/engine/simulator/run-notes';
import { suiteConfig } from './harness';

const atTimes = (n: number) => Array.from({ length: n }, (_, i) => ({ atMs: 1000 * (i + 1), ordinal: i + 1 }));

test('loss note: losses that found nothing and losses after the run are both counted', () => {
  const note = lossNote({ applied: 2, missed: 1, tasksRerun: 5 }, atTimes(4));
  assert.match(note, /2 of 4 executor\(s\) lost/);
  assert.match(note, /5 running task\(s\) re-run/);
  assert.match(note, /1 found their executor already gone/);
  assert.match(note, /1 came after the simulated run had ended/);
});

test('loss note: when every loss landed, neither missed nor late ones are mentioned', () => {
  const note = lossNote({ applied: 3, missed: 0, tasksRerun: 0 }, atTimes(3));
  assert.doesNotMatch(note, /already gone|after the simulated run/);
  assert.match(note, /lost at the logged time \(/);
});

test('loss note: failures of the executors’ own processes are said to come as long after registering as logged', () => {
  const own = atTimes(3).map((l, i) => (i === 0 ? l : { ...l, afterRegistrationMs: 7000 }));
  assert.match(
    lossNote({ applied: 3, missed: 0, tasksRerun: 1 }, own),
    /lost at the logged time, or, for the 2 whose own processes failed, as long after registering as in the log/,
  );
  const all = atTimes(2).map((l) => ({ ...l, afterRegistrationMs: 7000 }));
  assert.match(lossNote({ applied: 2, missed: 0, tasksRerun: 0 }, all), /lost as long after registering as in the log/);
});

test('static count note: names the key the count came from', () => {
  assert.match(staticCountNote(suiteConfig(1, 10, 1), 10), /spark\.dynamicAllocation\.maxExecutors/);
  const fixed = suiteConfig(1, 10, 1, { 'spark.executor.instances': '4' });
  assert.match(staticCountNote(fixed, 4), /4 executors \(spark\.executor\.instances\)/);
});

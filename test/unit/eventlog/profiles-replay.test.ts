// End to end: the hand-written two-profile log (test/fixtures/eventlogs/two-resource-profiles, see
// test/fixtures/eventlogs/make/README.md) replayed under its logged configuration keeps each profile's executors apart:
// the simulated per-profile peaks are the log's, every simulated executor has the profile of the stages it ran, and
// no note says profiles were collapsed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { observedProfilePeaks } from '../../../server/src/engine/eventlog/profile-peaks';
import { replayLoggedConfiguration } from '../../../server/src/engine/eventlog/replay-simulation';
import { fixture } from './fixtures';
import { load } from './logs';

const TWO_PROFILES = fixture('two-resource-profiles');

test('two-profile log: observed per-profile peaks are 2 and 2 (executors 1–2 of profile 0, 3–4 of profile 1)', async () => {
  const log = await load(TWO_PROFILES);
  assert.deepEqual(observedProfilePeaks(log.observed.executors), [
    { profile: 0, peakExecutors: 2 },
    { profile: 1, peakExecutors: 2 },
  ]);
  assert.equal(log.observed.peakExecutors, 2);
});

test('two-profile log replayed: simulated per-profile peaks match the log’s, executors carry their profile', async () => {
  const log = await load(TWO_PROFILES);
  const replay = replayLoggedConfiguration(log);
  if (!replay.ok) assert.fail(replay.problem.message);
  const { summary, executors } = replay.value.dra;
  const simulated = (summary.profiles ?? []).map((p) => ({ profile: p.id, peakExecutors: p.peakExecutors }));
  assert.deepEqual(simulated, observedProfilePeaks(log.observed.executors));
  assert.deepEqual(
    summary.profiles?.map((p) => [p.id, p.executorCores, p.taskCpus, p.executors]),
    [
      [0, 2, 1, 2],
      [1, 8, 2, 2],
    ],
  );
  assert.deepEqual(
    (executors ?? []).map((e) => e.profile),
    [0, 0, 1, 1],
  );
  assert.equal(summary.peakExecutors, 2, 'never both profiles at once, as in the log');
  assert.ok(!replay.value.notes.some((n) => n.includes('stage-level scheduling')), replay.value.notes.join('\n'));
  // Task time: 4 × 10 s at 1 CPU and 8 × 10 s at 2 CPUs.
  assert.equal(summary.busyCoreSeconds, 40 + 160);
});

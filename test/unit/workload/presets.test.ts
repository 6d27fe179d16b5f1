import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getPreset, PRESET_NAMES, workloadPresets, workloadTotals } from '../../../server/src/engine/workload';

test('all four presets exist and validate', () => {
  assert.deepEqual(PRESET_NAMES, ['wide-then-narrow', 'interactive-burst', 'etl-with-cache', 'steady']);
  const presets = workloadPresets();
  assert.deepEqual(
    presets.map((p) => p.name),
    PRESET_NAMES,
    'a preset missing here failed parseWorkload',
  );
  for (const p of presets) {
    assert.ok(p.description.length > 10 && !p.description.includes('\n'), `${p.name}: one-line description`);
    assert.equal(p.workload.name, p.name);
  }
  assert.equal(getPreset('nope'), undefined);
});

// Work at 20 executors × 4 cores, in minutes, ignoring gaps: the presets should keep tens of executors busy for
// minutes, and the whole run (with gaps) should land in 10–60 simulated minutes.
function minutesOfWork(name: string): number {
  const p = getPreset(name);
  assert.ok(p);
  return workloadTotals(p.workload).taskSeconds / 80 / 60;
}

function gapMinutes(name: string): number {
  const p = getPreset(name);
  assert.ok(p);
  let s = 0;
  for (const j of p.workload.jobs) {
    if (j.start.kind === 'afterPrevious') s += j.start.gapSeconds;
    if (j.start.kind === 'at') s += j.start.seconds;
  }
  return s / 60;
}

test('wide-then-narrow: a wide stage then a narrow one', () => {
  const p = getPreset('wide-then-narrow');
  assert.ok(p);
  const [wide, narrow] = p.workload.jobs[0].stages;
  assert.equal(wide.tasks, 2000);
  assert.equal(narrow.tasks, 50);
  assert.deepEqual(narrow.parents, [wide.id]);
  assert.ok(wide.shuffleMap);
  const total = minutesOfWork('wide-then-narrow') + gapMinutes('wide-then-narrow');
  assert.ok(total >= 8 && total <= 60, `${total} min`);
});

test('interactive-burst: short queries, idle gaps of minutes', () => {
  const p = getPreset('interactive-burst');
  assert.ok(p);
  const gaps = p.workload.jobs.slice(1).map((j) => (j.start.kind === 'afterPrevious' ? j.start.gapSeconds : -1));
  assert.ok(
    gaps.every((g) => g >= 120),
    'every later query waits at least 2 minutes',
  );
  assert.ok(minutesOfWork('interactive-burst') < 3, 'the queries themselves are short');
  const total = gapMinutes('interactive-burst') + minutesOfWork('interactive-burst');
  assert.ok(total >= 10 && total <= 60, `${total} min`);
});

test('etl-with-cache: one stage caches, later jobs follow', () => {
  const p = getPreset('etl-with-cache');
  assert.ok(p);
  const cached = p.workload.jobs.flatMap((j) => j.stages.filter((s) => s.cached));
  assert.equal(cached.length, 1);
  assert.ok(p.workload.jobs[0].stages.includes(cached[0]), 'the first job caches');
  assert.ok(p.workload.jobs.length >= 3);
  const total = gapMinutes('etl-with-cache') + minutesOfWork('etl-with-cache');
  assert.ok(total >= 10 && total <= 60, `${total} min`);
});

test('steady: equal stages', () => {
  const p = getPreset('steady');
  assert.ok(p);
  const stages = p.workload.jobs.flatMap((j) => j.stages);
  assert.ok(stages.length >= 5);
  assert.ok(stages.every((s) => s.tasks === stages[0].tasks));
  const total = minutesOfWork('steady') + gapMinutes('steady');
  assert.ok(total >= 10 && total <= 60, `${total} min`);
});

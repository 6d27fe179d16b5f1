// The advisor end to end on the engine facade: the seed-style AWS DRA job (examples/emr-eks-dra.json) on every
// preset, simulated in this thread. Each search is run once and shared by the checks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createSparkDraService, PRESET_NAMES, type SparkDocument } from '../../../server/src/engine';
import type { Advice, AdvicePoint } from '../../../protocol/advice';
import type { Result } from '../../../protocol/result';
import { emrJobText } from '../../support/job-texts';

const service = createSparkDraService();
const exampleText = readFileSync(join(__dirname, '../../../examples/emr-eks-dra.json'), 'utf8');
const example = service.open({ fileName: 'emr-eks-dra.json', text: exampleText });

const searches = new Map<string, Promise<Result<Advice>>>();
function adviceOn(preset: string): Promise<Result<Advice>> {
  let search = searches.get(preset);
  if (!search) {
    search = service.advise({ document: example, preset, threads: { workerPath: null } });
    searches.set(preset, search);
  }
  return search;
}

async function adviceValue(preset: string): Promise<Advice> {
  const result = await adviceOn(preset);
  assert.ok(result.ok, result.ok ? '' : result.problem.message);
  return result.value;
}

/** The DRA run's figures of `simulate` with the point's changes as what-if values. */
function simulated(document: SparkDocument, preset: string, point: AdvicePoint): [number, number, number] {
  const result = document.simulate({ preset, overrides: point.changes });
  assert.ok(result.ok, result.ok ? '' : result.problem.message);
  const s = result.value.dra.summary;
  return [s.runtimeSec, s.cost.total, s.executorSeconds];
}

const figures = (p: AdvicePoint): [number, number, number] => [p.runtimeSec, p.costUsd, p.executorSeconds];

describe('advisor on the seed-style AWS DRA job', () => {
  for (const preset of PRESET_NAMES) {
    it(`advise on ${preset}: recommended meets the constraint, costs less, starts, and beats every heuristic that meets it`, async () => {
      const advice = await adviceValue(preset);
      const limit = advice.current.runtimeSec * (1 + advice.maxSlowdownPct / 100);
      assert.ok(advice.candidates >= 200, `only ${advice.candidates} candidates`);
      assert.equal(advice.heuristics.length, 4);
      const rec = advice.recommended;
      if (rec) {
        assert.ok(rec.runtimeSec <= limit, `recommended runs ${rec.runtimeSec} s, over ${limit}`);
        assert.ok(rec.costUsd < advice.current.costUsd);
        // Spark starts with it, and `simulate` with its changes gives its figures exactly.
        assert.deepEqual(simulated(example, preset, rec), figures(rec));
      } else {
        assert.ok(advice.notes.some((n) => n.startsWith('No recommendation')));
      }
      for (const h of advice.heuristics) {
        assert.equal(h.meetsConstraint, h.runtimeSec <= limit);
        if (!h.meetsConstraint) continue;
        const beaten = rec !== null && rec.costUsd <= h.costUsd;
        const explained = advice.notes.some((n) => n.startsWith(h.name));
        assert.ok(beaten || explained || h.costUsd >= advice.current.costUsd, `${h.name} beats the advice unexplained`);
      }
    });
  }

  it('advise: cheapest, fastest and every frontier point reproduce through simulate, and the frontier is non-dominated', async () => {
    const preset = PRESET_NAMES[0];
    const advice = await adviceValue(preset);
    for (const p of [advice.cheapest, advice.fastest, ...advice.frontier]) {
      assert.deepEqual(simulated(example, preset, p), figures(p));
    }
    const f = advice.frontier;
    for (let i = 1; i < f.length; i++) {
      assert.ok(f[i].runtimeSec > f[i - 1].runtimeSec && f[i].costUsd < f[i - 1].costUsd, `frontier point ${i}`);
    }
    assert.equal(advice.cheapest.costUsd, Math.min(...f.map((p) => p.costUsd)));
    assert.equal(advice.fastest.runtimeSec, Math.min(...f.map((p) => p.runtimeSec)));
  });

  it('advise: the same input twice gives identical JSON', async () => {
    const preset = PRESET_NAMES[PRESET_NAMES.length - 1];
    const first = await adviceValue(preset);
    const again = await service.advise({ document: example, preset, threads: { workerPath: null } });
    assert.ok(again.ok);
    assert.equal(JSON.stringify(again.value), JSON.stringify(first));
  });
});

describe('advisor refusals', () => {
  it('advise: a file Spark would not start with → spark-would-not-start, before any search', async () => {
    const text = emrJobText({
      'spark.dynamicAllocation.enabled': 'true',
      'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
      'spark.dynamicAllocation.minExecutors': '8',
      'spark.dynamicAllocation.maxExecutors': '4',
    });
    const result = await service.advise({ document: service.open({ fileName: 'job.json', text }) });
    assert.equal(result.ok ? 'ok' : result.problem.code, 'spark-would-not-start');
  });

  it('advise: an aborted signal → cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await service.advise({
      document: example,
      preset: 'steady',
      signal: controller.signal,
      threads: { workerPath: null },
    });
    assert.equal(result.ok ? 'ok' : result.problem.code, 'cancelled');
  });

  it('advise: an unknown preset → invalid-params', async () => {
    const result = await service.advise({ document: example, preset: 'no-such-preset' });
    assert.equal(result.ok ? 'ok' : result.problem.code, 'invalid-params');
  });
});

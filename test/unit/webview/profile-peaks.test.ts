// Per-resource-profile peaks: they survive the webview's validator, the panel's peak card names them, and the CLI
// report prints them, only when a run had executors of more than one profile.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summaryCards } from '../../../client/webview/cards';
import { parseSimulationResult } from '../../../protocol/webview-messages';
import type { ProfileSummary, SimulationResult } from '../../../protocol/simulation';
import { formatSimulation } from '../../../server/src/cli/simulation-report';
import { sampleResult } from '../../webview/fixtures';

const PROFILES: ProfileSummary[] = [
  { id: 0, executorCores: 2, taskCpus: 1, peakExecutors: 4, executors: 6, executorSeconds: 400 },
  { id: 1, executorCores: 8, taskCpus: 2, peakExecutors: 3, executors: 3, executorSeconds: 180 },
];

function withProfiles(profiles: ProfileSummary[] | undefined): SimulationResult {
  const r = sampleResult(7);
  return { ...r, dra: { ...r.dra, summary: { ...r.dra.summary, ...(profiles ? { profiles } : {}) } } };
}

const peakDetail = (r: SimulationResult): string | undefined =>
  summaryCards(r).find((c) => c.id === 'peakExecutors')?.detail;

describe('per-profile peaks', () => {
  it('the validator keeps well-formed profile figures and refuses malformed ones', () => {
    const parsed = parseSimulationResult(withProfiles(PROFILES));
    assert.deepEqual(parsed?.dra.summary.profiles, PROFILES);
    const bad = withProfiles([{ ...PROFILES[0], peakExecutors: -1 }]);
    assert.equal(parseSimulationResult(bad), undefined);
    const badId = withProfiles([{ ...PROFILES[0], id: 1.5 }]);
    assert.equal(parseSimulationResult(badId), undefined);
    assert.equal(parseSimulationResult(withProfiles(undefined))?.dra.summary.profiles, undefined);
  });

  it('panel: two profiles → the peak card names each profile’s peak; one profile → unchanged', () => {
    assert.match(peakDetail(withProfiles(PROFILES)) ?? '', /^profile 0: 4 · profile 1: 3 · static /);
    assert.equal(peakDetail(withProfiles(PROFILES.slice(0, 1))), peakDetail(withProfiles(undefined)));
    assert.doesNotMatch(peakDetail(withProfiles(undefined)) ?? '', /profile/);
  });

  it('CLI report: two profiles → a line with each profile’s size and peak; one profile → no such line', () => {
    const text = formatSimulation('title', withProfiles(PROFILES));
    assert.ok(
      text.includes(
        'Peak executors by resource profile (DRA): profile 0 (2 cores, 1 CPU(s) per task) 4 · profile 1 (8 cores, 2 CPU(s) per task) 3',
      ),
      text,
    );
    assert.ok(!formatSimulation('title', withProfiles(undefined)).includes('by resource profile'));
  });
});

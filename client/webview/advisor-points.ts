// The advisor's points as the view shows them: one labelled entry per point (chart marker and table row), with its
// difference from the file as written. Pure: no DOM.
import { runtimeLimitSec, type Advice, type AdvicePoint } from '../../protocol/advice';
import { formatDuration, formatUsd, percent } from './format';

export type PointRole = 'frontier' | 'current' | 'recommended' | 'cheapest' | 'fastest' | 'heuristic';

export interface AdvisorEntry {
  /** Stable within one advice: `current`, `recommended`, `cheapest`, `fastest`, `frontier-3`, `heuristic-1`. */
  id: string;
  role: PointRole;
  label: string;
  point: AdvicePoint;
  /** Heuristics only: whether it stays within the runtime constraint. */
  meetsConstraint?: boolean;
}

/** The named points first (in table order), then the heuristics, then every frontier point. */
export function advisorEntries(advice: Advice): AdvisorEntry[] {
  const entries: AdvisorEntry[] = [{ id: 'current', role: 'current', label: 'File as written', point: advice.current }];
  if (advice.recommended)
    entries.push({ id: 'recommended', role: 'recommended', label: 'Recommended', point: advice.recommended });
  entries.push(
    { id: 'cheapest', role: 'cheapest', label: 'Cheapest', point: advice.cheapest },
    { id: 'fastest', role: 'fastest', label: 'Fastest', point: advice.fastest },
  );
  advice.heuristics.forEach((h, i) =>
    entries.push({
      id: `heuristic-${i}`,
      role: 'heuristic',
      label: h.name,
      point: h,
      meetsConstraint: h.meetsConstraint,
    }),
  );
  advice.frontier.forEach((p, i) =>
    entries.push({ id: `frontier-${i}`, role: 'frontier', label: `Frontier point ${i + 1}`, point: p }),
  );
  return entries;
}

/** The rows of the comparison table: every entry but the bare frontier points. */
export function tableEntries(entries: readonly AdvisorEntry[]): AdvisorEntry[] {
  return entries.filter((e) => e.role !== 'frontier');
}

/** The slowest runtime the constraint allows. */
export function runtimeLimit(advice: Advice): number {
  return runtimeLimitSec(advice.current.runtimeSec, advice.maxSlowdownPct);
}

/** "+18s (+4%)", "−1m 05s (−12%)", "same". */
export function runtimeDelta(point: AdvicePoint, current: AdvicePoint): string {
  const d = point.runtimeSec - current.runtimeSec;
  if (Math.abs(d) < 0.5) return 'same';
  const pct = percent(d, current.runtimeSec);
  return `${d > 0 ? '+' : '−'}${formatDuration(Math.abs(d))}${pct ? ` (${pct})` : ''}`;
}

/** "−$0.096 (−36%)", "+$0.02 (+8%)", "same". */
export function costDelta(point: AdvicePoint, current: AdvicePoint): string {
  const d = point.costUsd - current.costUsd;
  if (Math.abs(d) < 0.0005) return 'same';
  const pct = percent(d, current.costUsd);
  return `${d > 0 ? '+' : ''}${formatUsd(d)}${pct ? ` (${pct})` : ''}`;
}

const SHORTENED_PREFIXES = ['spark.dynamicAllocation.', 'spark.kubernetes.', 'spark.'];

/** A key as a table has room for it: `minExecutors`, `allocation.batch.size`, `decommission.enabled`. */
export function shortKey(key: string): string {
  const prefix = SHORTENED_PREFIXES.find((p) => key.startsWith(p) && key.length > p.length);
  return prefix ? key.slice(prefix.length) : key;
}

/** Changes as `key = value` lines, sorted by key; empty for the file as written. */
export function changeLines(point: AdvicePoint): { key: string; short: string; value: string }[] {
  return Object.keys(point.changes)
    .sort()
    .map((key) => ({ key, short: shortKey(key), value: point.changes[key] ?? '' }));
}

/** The one-line summary of a point for the preview caption. */
export function pointSummary(entry: AdvisorEntry, current: AdvicePoint): string {
  const p = entry.point;
  const changes = Object.keys(p.changes).length;
  const what = changes === 0 ? 'no changes' : `${changes} change${changes === 1 ? '' : 's'}`;
  if (entry.role === 'current') return `${entry.label} · ${formatDuration(p.runtimeSec)} · ${formatUsd(p.costUsd)}`;
  return `${entry.label} · ${formatDuration(p.runtimeSec)}, ${runtimeDelta(p, current)} · ${formatUsd(p.costUsd)}, ${costDelta(p, current)} · ${what}`;
}

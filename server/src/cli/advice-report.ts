// `spark-dra advise` as text: one row per point (runtime, cost, executor-seconds, changes), then risks and notes.
import type { Advice, AdvicePoint } from '../../../protocol/advice';
import { formatSparkValue } from '../../../protocol/text-format';

function changesText(point: AdvicePoint): string {
  const entries = Object.entries(point.changes);
  if (entries.length === 0) return '(as written)';
  // "No limit" values read as ∞ here; the JSON keeps Spark's own text, which is what a user writes back.
  return entries
    .map(([key, value]) => `${key.replace(/^spark\.dynamicAllocation\./, '')}=${formatSparkValue(value)}`)
    .join(' ');
}

function row(label: string, point: AdvicePoint, current: AdvicePoint): string[] {
  const pct = (value: number, base: number): string => {
    if (base === 0) return '';
    const diff = Math.round(((value - base) / base) * 1000) / 10;
    return diff === 0 ? '' : ` (${diff > 0 ? '+' : ''}${diff}%)`;
  };
  return [
    label,
    `${point.runtimeSec.toFixed(1)} s${pct(point.runtimeSec, current.runtimeSec)}`,
    `$${point.costUsd.toFixed(4)}${pct(point.costUsd, current.costUsd)}`,
    point.executorSeconds.toFixed(0),
    changesText(point),
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const last = header.length - 1;
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 || i === last ? c.padEnd(i === last ? 0 : widths[i]) : c.padStart(widths[i])))
      .join('   ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatAdvice(title: string, advice: Advice): string {
  const w = advice.workload;
  const current = advice.current;
  const points: Array<[string, AdvicePoint | null]> = [
    ['current', current],
    ['recommended', advice.recommended],
    ['cheapest', advice.cheapest],
    ['fastest', advice.fastest],
  ];
  const rows: string[][] = [];
  for (const [label, point] of points) {
    rows.push(point ? row(label, point, current) : [label, '-', '-', '-', '(none: see the notes)']);
  }
  for (const h of advice.heuristics) {
    rows.push(row(`${h.meetsConstraint ? '' : '× '}${h.name}`, h, current));
  }
  const lines = [
    title,
    `Spark ${advice.sparkVersion} · workload "${w.name}": ${w.jobs} job(s), ${w.stages} stage(s), ${w.tasks} task(s)`,
    `At most ${advice.maxSlowdownPct}% slower than as written · ${advice.candidates} configurations simulated · ${advice.frontier.length} on the cost/runtime frontier`,
    '',
    table(['', 'runtime', 'cost', 'executor-s', 'changes'], rows),
    '× : a heuristic slower than the constraint allows.',
  ];
  if (advice.verdict) lines.push('', advice.verdict);
  const risky: Array<[string, AdvicePoint | null]> = points.slice(1);
  const riskLines: string[] = [];
  for (const [label, point] of risky) {
    for (const risk of point?.risks ?? []) riskLines.push(`  - ${label}: ${risk}`);
  }
  if (riskLines.length > 0) lines.push('', 'Risks:', ...riskLines);
  if (advice.notes.length > 0) lines.push('', 'Notes:', ...advice.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}

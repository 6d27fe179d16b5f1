// Plain-text rendering of where executor time went: the DRA run and the static baseline side by side, then the
// verdict. Categories in the contract's order; every category is shown, a zero as "0".
import { EXECUTOR_TIME_CATEGORIES, type ExecutorTimeBreakdown } from '../../../protocol/advice';
import type { SimulationResult } from '../../../protocol/simulation';

function seconds(s: number): string {
  return s >= 100 ? Math.round(s).toLocaleString('en-US') : String(Math.round(s * 10) / 10);
}

function share(part: number, b: ExecutorTimeBreakdown): string {
  if (b.totalSec <= 0) return '-';
  const pct = (100 * part) / b.totalSec;
  return pct > 0 && pct < 1 ? '<1%' : `${Math.round(pct)}%`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ');
  return [line(rows[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
}

/** The breakdown table (seconds and share of each run's total) and the verdict. */
export function formatBreakdown(result: SimulationResult): string {
  const dra = result.dra.breakdown;
  const stat = result.static.breakdown;
  const rows = [['executor time', 'DRA (s)', 'DRA %', 'static (s)', 'static %']];
  for (const category of EXECUTOR_TIME_CATEGORIES) {
    const a = dra.seconds[category];
    const b = stat.seconds[category];
    rows.push([category, seconds(a), share(a, dra), seconds(b), share(b, stat)]);
  }
  rows.push([
    'total',
    seconds(dra.totalSec),
    share(dra.totalSec, dra),
    seconds(stat.totalSec),
    share(stat.totalSec, stat),
  ]);
  return [
    'Where executor time goes (total = executor-seconds + starting)',
    table(rows),
    '',
    `Verdict: ${result.verdict}`,
  ].join('\n');
}

// The simulated timelines as CSV text with column names a spreadsheet reader understands: the DRA run first, then the
// static baseline, then the right-sized static baseline when there is one.
import type { SimulationResult, StaticRun, TimelinePoint } from '../../protocol/simulation';

export const CSV_HEADER = [
  'Allocation',
  'Time (s)',
  'Running executors',
  'Target executors',
  'Pending pods',
  'Busy task slots',
  'Pending tasks',
  'Live PVCs',
].join(',');

/** A cell that may hold a comma is quoted. */
export const csvCell = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function row(kind: string, p: TimelinePoint): string {
  return [csvCell(kind), p.t, p.running, p.target, p.pendingPods, p.busySlots, p.pendingTasks, p.livePvcs]
    .map(String)
    .join(',');
}

const staticName = (label: string, run: StaticRun): string => `${label} (${run.executors} executors)`;

export function timelineCsv(result: SimulationResult): string {
  const lines = [CSV_HEADER];
  for (const p of result.dra.timeline) lines.push(row('Dynamic allocation', p));
  const fixed = staticName('Static', result.static);
  for (const p of result.static.timeline) lines.push(row(fixed, p));
  const fair = result.staticRightSized;
  if (fair) {
    const name = staticName('Static at DRA peak', fair);
    for (const p of fair.timeline) lines.push(row(name, p));
  }
  return lines.join('\n') + '\n';
}

/** A file-name-safe stem from a document name ("job.yaml" → "job-yaml"). */
export function exportStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 60);
  return clean.length > 0 ? clean : 'simulation';
}

// The simulated timelines as CSV text (DRA rows first, then the static baseline).
import type { SimulationResult, TimelinePoint } from '../../protocol/simulation';

export const CSV_HEADER = 'allocation,t_seconds,running,target,pending_pods,busy_slots,pending_tasks,live_pvcs';

function row(kind: string, p: TimelinePoint): string {
  return [kind, p.t, p.running, p.target, p.pendingPods, p.busySlots, p.pendingTasks, p.livePvcs].map(String).join(',');
}

export function timelineCsv(result: SimulationResult): string {
  const lines = [CSV_HEADER];
  for (const p of result.dra.timeline) lines.push(row('dra', p));
  for (const p of result.static.timeline) lines.push(row('static', p));
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

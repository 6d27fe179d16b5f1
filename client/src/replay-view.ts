// Replay of an event log on the client side: how a replay is named in the simulation panel (a URI the panel can
// restore), and the short comparison of what really happened with what the simulation did. Pure.
import type { SimulationResult } from '../../protocol/simulation';
import type { ReplayResult } from '../../protocol/requests';
import type { ObservedRun } from '../../protocol/webview-messages';

export const REPLAY_SCHEME = 'spark-dra-replay';

/** What a replay panel replays: the log, and optionally the job file whose configuration is simulated. */
export interface ReplayTarget {
  /** Local path of the event-log file or rolled directory. */
  path: string;
  /** The job file's URI, when its configuration replaces the logged one. */
  jobUri?: string;
}

function baseName(path: string): string {
  const parts = path.replace(/[\\/]+$/, '').split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/**
 * The panel key of a replay, as URI parts (scheme, path, query). The path ends in the log's name (the panel shows it
 * as its title); the query carries the target so a restored panel can run the replay again.
 */
export function replayUriParts(target: ReplayTarget): { scheme: string; path: string; query: string } {
  const query = new URLSearchParams();
  query.set('log', target.path);
  if (target.jobUri !== undefined) query.set('job', target.jobUri);
  const name = baseName(target.path).replace(/[?#]/g, '_');
  return { scheme: REPLAY_SCHEME, path: `/${name}`, query: query.toString() };
}

/** The target of a replay panel URI's query, or undefined when it is not one of ours. */
export function replayTargetFromQuery(query: string): ReplayTarget | undefined {
  const params = new URLSearchParams(query);
  const path = params.get('log');
  if (path === null || path === '') return undefined;
  const job = params.get('job');
  return job === null || job === '' ? { path } : { path, jobUri: job };
}

/** The name a job file URI ends in ("etl.yaml"), or the URI itself when it has no path. */
function jobFileName(jobUri: string): string {
  let path = jobUri;
  try {
    path = decodeURIComponent(new URL(jobUri).pathname);
  } catch {
    // Not a URL: take its last path segment as it is.
  }
  return baseName(path);
}

/**
 * A replay panel's tab title: the log and whose configuration is simulated, so two replays of one log (the logged
 * configuration and a job file's) are told apart.
 */
export function replayTitle(target: ReplayTarget): string {
  const conf = target.jobUri === undefined ? 'logged conf' : jobFileName(target.jobUri);
  return `Replay: ${baseName(target.path)} · ${conf}`;
}

/** The event log's display name. */
export function logName(path: string): string {
  return baseName(path);
}

function seconds(s: number): string {
  if (!Number.isFinite(s)) return '—';
  if (s < 120) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const minutes = s / 60;
  if (minutes < 120) return `${minutes.toFixed(1)} min`;
  return `${(minutes / 60).toFixed(2)} h`;
}

function count(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—';
}

/** Plain-text lines comparing the real run with the simulation (for the output channel). */
export function replaySummaryLines(name: string, result: ReplayResult): string[] {
  const o = result.observed;
  const s = result.dra.summary;
  const app = [result.replay.appName, result.replay.appId]
    .filter((x): x is string => typeof x === 'string')
    .join(' · ');
  const conf = result.replay.confFrom === 'job-file' ? "the job file's configuration" : "the log's own configuration";
  const lines = [
    `Replay of ${name}${app ? ` (${app})` : ''}: logged Spark ${result.replay.loggedSparkVersion}, simulated as Spark ${result.sparkVersion} with ${conf}.`,
    `  workload: ${count(result.workload.jobs)} jobs, ${count(result.workload.stages)} stages, ${count(result.workload.tasks)} tasks`,
    `  runtime:            observed ${seconds(o.runtimeSec)}${o.complete ? '' : ' (log has no application end)'}, simulated ${seconds(s.runtimeSec)}`,
    `  peak executors:     observed ${count(o.peakExecutors)}, simulated ${count(s.peakExecutors)}`,
    `  executor-hours:     observed ${(o.executorSeconds / 3600).toFixed(2)}, simulated ${(s.executorSeconds / 3600).toFixed(2)}`,
    `  executors added/removed (observed): ${count(o.executorsAdded)}/${count(o.executorsRemoved)}`,
  ];
  for (const w of result.replay.warnings.slice(0, 20)) lines.push(`  note: ${w}`);
  if (result.replay.warnings.length > 20) lines.push(`  … and ${result.replay.warnings.length - 20} more notes`);
  return lines;
}

/** One line for a notification. */
export function replayHeadline(name: string, result: ReplayResult): string {
  const o = result.observed;
  const s = result.dra.summary;
  return `${name}: observed peak ${count(o.peakExecutors)} executors over ${seconds(o.runtimeSec)}; simulated peak ${count(s.peakExecutors)} over ${seconds(s.runtimeSec)}.`;
}

/**
 * A replay answer as the simulation panel shows it: the simulation alone (without the replay's extra fields), and
 * what the log observed with whose configuration was simulated.
 */
export function replayForPanel(result: ReplayResult): { result: SimulationResult; observed: ObservedRun } {
  const { observed, replay, ...simulation } = result;
  return {
    result: simulation,
    observed: {
      timeline: observed.timeline,
      runtimeSec: observed.runtimeSec,
      peakExecutors: observed.peakExecutors,
      executorSeconds: observed.executorSeconds,
      executorsAdded: observed.executorsAdded,
      executorsRemoved: observed.executorsRemoved,
      complete: observed.complete,
      confFrom: replay.confFrom,
      loggedSparkVersion: replay.loggedSparkVersion,
    },
  };
}

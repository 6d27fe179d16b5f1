// sparkDra/replayEventLog → read a Spark event log (file, .zstd, rolled directory), simulate its workload with the
// logged configuration or a job file's, and return the simulation with what really ran.
// In an untrusted workspace nothing is read from disk: only an event log open in the editor can be replayed.
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseEventLogText, readEventLog, type EventLogResult } from '../../engine/eventlog';
import {
  replayLoggedConfiguration,
  replayWithJobFile,
  type ReplayOptions,
} from '../../engine/eventlog/replay-simulation';
import type { EventLogReplay } from '../../engine/eventlog';
import type { SimulateJobResult } from '../../engine/simulator/simulate-job';
import { normalizeVersion } from '../../engine/version';
import type { ReplayEventLogParams, ReplayEventLogResponse, ReplayInfo, ReplayObserved } from '../../protocol';
import type { DocumentAnalyses } from '../documents';
import type { ServerSettings } from '../settings';
import { knobsFor, pricesFromSettings } from '../simulation-options';
import { URI } from '../uri';

export interface ReplayDependencies {
  documents: TextDocuments<TextDocument>;
  analyses: DocumentAnalyses;
  settings: () => ServerSettings;
  /** False in an untrusted workspace. */
  trusted: () => boolean;
}

const MAX_PATH = 4096;
const MAX_TIMELINE = 100_000;
const KEY = /^spark\.[A-Za-z0-9][A-Za-z0-9_.\-]*$/;

export const UNTRUSTED_MESSAGE =
  'This workspace is not trusted, so Spark DRA reads no files from disk. Trust the workspace to replay an event log, or open the log in the editor first.';

type Checked = { ok: true; params: ReplayEventLogParams } | { ok: false; error: string };

/** Validates what the client sent; returns a clean copy. */
export function checkReplayParams(raw: unknown): Checked {
  if (!raw || typeof raw !== 'object') return { ok: false, error: 'No event log given.' };
  const obj = raw as Record<string, unknown>;
  if (typeof obj.path !== 'string' || obj.path.trim() === '') return { ok: false, error: 'No event log given.' };
  if (obj.path.length > MAX_PATH || !isAbsolute(obj.path))
    return { ok: false, error: 'The event log path must be an absolute path.' };
  const params: ReplayEventLogParams = { path: resolve(obj.path) };
  if (obj.uri !== undefined) {
    if (typeof obj.uri !== 'string' || obj.uri === '') return { ok: false, error: 'Invalid job file URI.' };
    params.uri = obj.uri;
  }
  if (obj.jobIndex !== undefined) {
    if (typeof obj.jobIndex !== 'number' || !Number.isSafeInteger(obj.jobIndex) || obj.jobIndex < 0)
      return { ok: false, error: 'Invalid job index.' };
    params.jobIndex = obj.jobIndex;
  }
  if (obj.overrides !== undefined) {
    if (!obj.overrides || typeof obj.overrides !== 'object' || Array.isArray(obj.overrides))
      return { ok: false, error: 'Invalid overrides.' };
    const overrides: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj.overrides as Record<string, unknown>)) {
      if (!KEY.test(k) || typeof v !== 'string')
        return { ok: false, error: `Invalid override for ${k.slice(0, 100)}.` };
      overrides[k] = v;
    }
    params.overrides = overrides;
  }
  if (obj.knobs !== undefined) {
    if (!obj.knobs || typeof obj.knobs !== 'object' || Array.isArray(obj.knobs))
      return { ok: false, error: 'Invalid simulator knobs.' };
    const knobs: Record<string, number> = {};
    for (const [k, v] of Object.entries(obj.knobs as Record<string, unknown>)) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        return { ok: false, error: `Invalid value for ${k.slice(0, 100)}.` };
      knobs[k] = v;
    }
    params.knobs = knobs;
  }
  return { ok: true, params };
}

/** The last logs read, keyed by path and by what stat says, so what-if re-runs do not read a large log again. */
class LogCache {
  private readonly entries = new Map<string, { stamp: string; log: EventLogResult }>();
  constructor(private readonly size: number) {}

  async read(path: string): Promise<EventLogResult> {
    let stamp: string | undefined;
    try {
      const info = await stat(path);
      stamp = `${info.mtimeMs}:${info.size}:${info.isDirectory()}`;
    } catch {
      stamp = undefined; // readEventLog reports the error in its own words
    }
    const hit = this.entries.get(path);
    if (stamp !== undefined && hit?.stamp === stamp) return hit.log;
    const log = await readEventLog(path);
    this.entries.delete(path);
    if (stamp !== undefined && log.ok) {
      this.entries.set(path, { stamp, log });
      while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    }
    return log;
  }
}

/** The open document holding the log at `path`, when the log is open in the editor. */
function openLog(documents: TextDocuments<TextDocument>, path: string): TextDocument | undefined {
  return documents.all().find((doc) => doc.uri.startsWith('file:') && resolve(URI.path(doc.uri)) === path);
}

export function observedOf(log: Extract<EventLogResult, { ok: true }>): ReplayObserved {
  const o = log.observed;
  let timeline = o.timeline;
  if (timeline.length > MAX_TIMELINE) {
    // Keep the shape: every k-th step plus the last one.
    const step = Math.ceil(timeline.length / MAX_TIMELINE);
    timeline = timeline.filter((_, i) => i % step === 0 || i === o.timeline.length - 1);
  }
  return {
    timeline: timeline.map((p) => ({ t: p.t, running: p.running })),
    runtimeSec: o.runtimeSec,
    peakExecutors: o.peakExecutors,
    executorSeconds: o.executorSeconds,
    executorsAdded: log.stats.executorsAdded,
    executorsRemoved: log.stats.executorsRemoved,
    complete: o.appEnd !== undefined,
  };
}

/** Prices from the sparkDra.simulation.* settings (names as in package.json), for the cost model. */
export function replayHandler(
  deps: ReplayDependencies,
): (raw: unknown, token?: CancellationToken) => Promise<ReplayEventLogResponse> {
  const cache = new LogCache(2);
  return async (raw, token) => {
    try {
      const checked = checkReplayParams(raw);
      if (!checked.ok) return checked;
      const params = checked.params;

      // The configuration to compare: a job file open in the editor, or the log's own.
      let simulateWith: ((log: EventLogReplay, options: ReplayOptions) => SimulateJobResult) | undefined;
      let jobVersion: string | undefined;
      if (params.uri !== undefined) {
        const doc = deps.documents.get(params.uri);
        if (!doc) return { ok: false, error: 'The job file is not open in the editor.' };
        const analysis = deps.analyses.get(doc);
        const job = analysis.parsed.jobs[params.jobIndex ?? 0];
        if (!job) return { ok: false, error: 'The job file holds no Spark job to compare with.' };
        jobVersion = analysis.versionOf(job).version;
        const storageClasses = analysis.parsed.storageClasses;
        const version = jobVersion;
        simulateWith = (log, options) => replayWithJobFile(log, job, version, storageClasses, options);
      }

      let log: EventLogResult;
      const open = openLog(deps.documents, params.path);
      if (open) log = parseEventLogText(open.getText(), basename(params.path));
      else if (!deps.trusted()) return { ok: false, error: UNTRUSTED_MESSAGE };
      else log = await cache.read(params.path);
      if (!log.ok) return { ok: false, error: log.error };
      if (token?.isCancellationRequested) return { ok: false, error: 'Cancelled.' };

      const warnings = [...log.warnings];
      let sparkVersion = jobVersion;
      if (sparkVersion === undefined) {
        const logged = normalizeVersion(log.sparkVersion);
        sparkVersion = logged ?? deps.settings().defaultSparkVersion;
        if (!logged) warnings.push(`The log does not say which Spark version ran; simulated as Spark ${sparkVersion}.`);
      }
      const run = simulateWith ?? replayLoggedConfiguration;
      const simulation = deps.settings().simulation;
      // Calibrated from the log, over the whole application; the result carries calibration and fidelity.
      const options: ReplayOptions = {
        sparkVersion,
        knobs: knobsFor(simulation, params.knobs),
        prices: pricesFromSettings(simulation),
      };
      if (params.overrides !== undefined) options.conf = params.overrides;
      const simulated = run(log, options);
      if (!simulated.ok) return simulated;
      const replay: ReplayInfo = {
        confFrom: simulateWith ? 'job-file' : 'event-log',
        loggedSparkVersion: log.sparkVersion,
        warnings,
      };
      if (log.appId !== undefined) replay.appId = log.appId;
      if (log.appName !== undefined) replay.appName = log.appName;
      return { ok: true, result: { ...simulated.result, observed: observedOf(log), replay } };
    } catch (error) {
      return {
        ok: false,
        error: `internal error while replaying the event log: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  };
}

// Spark's speculative execution settings, read from a configuration for a Spark version (docs/simulator.md,
// "Speculation"). Defaults per version:
// - spark.speculation false; .interval 100ms (how often the scheduler looks for slow tasks).
// - .multiplier 1.5 and .quantile 0.75 until 3.5; 3 and 0.9 from 4.0.0 (SPARK-47720).
// - .minTaskRuntime 100ms from 3.2.0 (SPARK-33741); earlier versions use a fixed 100 ms.
// - .task.duration.threshold unset; from 3.0.0 (SPARK-29976) it lets a stage with no more tasks than one executor's
//   slots be speculated before the quantile is reached.
// - .efficiency.enabled true from 3.4.0 (SPARK-32170): a task over the threshold is copied only when it is also slow
//   by its data rate or runs longer than .efficiency.longRunTaskFactor (2) × the threshold. The simulator knows no
//   data rates, so it copies a task only past that factor.
import { parseDuration, parseSparkBoolean, parseSparkDouble } from '../../values/index';
import type { ParseResult } from '../../values/index';
import { versionAtLeast } from '../../version';

export interface SpeculationSettings {
  intervalMs: number;
  multiplier: number;
  quantile: number;
  minRuntimeMs: number;
  /** spark.speculation.task.duration.threshold (ms), when set to more than 0 on a version that reads it. */
  durationThresholdMs?: number;
  /** Efficiency-based speculation: a task must run longer than this factor × the threshold. Absent when off. */
  longRunFactor?: number;
  /** Task slots of one executor (floor(cores / task.cpus), at least 1). */
  slotsPerExecutor: number;
}

export interface SpeculationRead {
  /** Absent when speculation is off. */
  settings?: SpeculationSettings;
  /** `key: problem` for values Spark could not read (the default is used). */
  problems: string[];
}

const KEY = 'spark.speculation';

export function resolveSpeculation(
  conf: Readonly<Record<string, string>>,
  version: string,
  slotsPerExecutor: number,
): SpeculationRead {
  const problems: string[] = [];
  const read = <T>(key: string, parse: (text: string) => ParseResult<T>, fallback: T): T => {
    const text = conf[key];
    if (text === undefined) return fallback;
    const r = parse(text);
    if (r.ok) return r.value;
    problems.push(`${key}: ${r.error}`);
    return fallback;
  };
  const ms = (text: string): ParseResult<number> => parseDuration(text, 'ms');
  if (!read(KEY, parseSparkBoolean, false)) return { problems };
  const v4 = versionAtLeast(version, '4.0.0');
  const settings: SpeculationSettings = {
    intervalMs: Math.max(1, read(`${KEY}.interval`, ms, 100)),
    multiplier: read(`${KEY}.multiplier`, parseSparkDouble, v4 ? 3 : 1.5),
    quantile: read(`${KEY}.quantile`, parseSparkDouble, v4 ? 0.9 : 0.75),
    minRuntimeMs: versionAtLeast(version, '3.2.0') ? read(`${KEY}.minTaskRuntime`, ms, 100) : 100,
    slotsPerExecutor: Math.max(1, slotsPerExecutor),
  };
  if (versionAtLeast(version, '3.0.0')) {
    const threshold = read(`${KEY}.task.duration.threshold`, ms, 0);
    if (threshold > 0) settings.durationThresholdMs = threshold;
  }
  if (versionAtLeast(version, '3.4.0') && read(`${KEY}.efficiency.enabled`, parseSparkBoolean, true)) {
    const factor = read(`${KEY}.efficiency.longRunTaskFactor`, parseSparkDouble, 2);
    settings.longRunFactor = factor >= 1 ? factor : 2;
  }
  return { settings, problems };
}

// What `spark-dra diff` (and later a VS Code command) shows: how one job behaves on its own Spark version and on a
// target version. Plain data: defaults and values that change, findings that come and go, written keys one side
// ignores, and the same workload simulated on both sides.
import type { Problem } from './result';

/** A key as one Spark version sees it. */
export interface KeyAtVersion {
  /** False when this Spark version does not have the key (it arrived later). */
  known: boolean;
  /** The value Spark uses (written, fallen back to, or the default); undefined when unset or unknown. */
  value?: string;
  /** The version's default, when the key has one. */
  defaultValue?: string;
}

export interface ValueChange {
  key: string;
  /** True when the file writes the key (a changed default then matters only if the written value is dropped). */
  written: boolean;
  /** What differs: the value Spark uses, the default, or whether the version has the key at all. */
  changed: ('value' | 'default' | 'known')[];
  before: KeyAtVersion;
  after: KeyAtVersion;
}

/** A finding as the diff reports it: where it is as offsets and as a 0-based line and column. */
export interface DiffFinding {
  ruleId: string;
  severity: string;
  message: string;
  range: { start: number; end: number };
  line: number;
  character: number;
}

export interface ChangedFinding {
  before: DiffFinding;
  after: DiffFinding;
}

/** A key the file writes that one of the two versions ignores (it is newer than that version). */
export interface WrittenKeyAvailability {
  key: string;
  /** The Spark version the key arrived in. */
  since: string;
  usedBefore: boolean;
  usedAfter: boolean;
}

export interface SimulatedFigures {
  runtimeSec: number;
  executorHours: number;
  costUsd: number;
  peakExecutors: number;
  podsCreated: number;
  pvcsCreated: number;
}

/** One side's simulation: its figures, or why it could not run (e.g. `spark-would-not-start`). */
export type SimulatedSide = { ok: true; figures: SimulatedFigures } | { ok: false; problem: Problem };

export interface UpgradeDiff {
  jobIndex: number;
  jobKind: string;
  jobKindLabel: string;
  from: { sparkVersion: string; versionFrom: string };
  to: { sparkVersion: string };
  /** Every catalogued key whose effective value, default or availability differs, written keys first. */
  values: ValueChange[];
  findings: { appeared: DiffFinding[]; disappeared: DiffFinding[]; changed: ChangedFinding[] };
  /** Written keys that the current or the target version ignores. */
  writtenKeys: WrittenKeyAvailability[];
  /** The same workload simulated on both versions. */
  simulation: { workload: string; before: SimulatedSide; after: SimulatedSide };
}

// The upgrade diff of one job: what changes when its file runs on another Spark version. The file is opened twice,
// once at the version it states (or is given) and once at the target, and the two are compared: effective values,
// findings, written keys one side ignores, and the same workload simulated on both.
import { jobKindLabel } from '../../job-kinds';
import { compareVersions, NEWEST_SPARK, normalizeVersion, OLDEST_SPARK } from '../../version';
import { PRESET_NAMES } from '../../workload/presets';
import type { Workload } from '../../workload/types';
import { openDocument, type OpenInput, type SparkDocument } from '../document';
import type { EngineSettings } from '../settings';
import { compareFindings, findingsOfJob } from './findings';
import { valueChanges, writtenKeyAvailability } from './values';
import { failure, success, type Result } from '../../../../../protocol/result';
import type { SimulatedSide, UpgradeDiff } from '../../../../../protocol/upgrade-diff';

export interface UpgradeDiffInput extends OpenInput {
  /** The Spark version to compare with, e.g. `4.2.0` (any spelling normalizeVersion reads). */
  toVersion: string;
  jobIndex?: number;
  /** The workload preset both sides run; the first preset unless told. Ignored when `workload` is given. */
  preset?: string;
  workload?: Workload;
}

export function upgradeDiff(input: UpgradeDiffInput, settings: EngineSettings): Result<UpgradeDiff> {
  const target = normalizeVersion(input.toVersion);
  if (target === undefined) {
    return failure('invalid-params', `"${input.toVersion}" is not a Spark version (write it like 4.2.0).`);
  }
  if (compareVersions(target, OLDEST_SPARK) < 0 || compareVersions(target, NEWEST_SPARK) > 0) {
    return failure(
      'invalid-params',
      `spark-dra knows Spark ${OLDEST_SPARK} to ${NEWEST_SPARK}; it cannot tell what Spark ${target} does.`,
    );
  }
  const preset = input.preset ?? PRESET_NAMES[0];
  if (input.workload === undefined && !PRESET_NAMES.includes(preset)) {
    return failure('invalid-params', `There is no workload preset "${preset}" (${PRESET_NAMES.join(', ')}).`);
  }
  const jobIndex = input.jobIndex ?? 0;
  const { toVersion: _to, jobIndex: _job, preset: _preset, workload: _workload, ...open } = input;
  const current = openDocument(open, settings);
  const job = current.jobs[jobIndex];
  const currentConfig = current.effectiveConfiguration(jobIndex);
  if (!job || !currentConfig.ok) {
    return currentConfig.ok ? failure('no-job', 'This file holds no Spark job.') : currentConfig;
  }
  const upgraded = openDocument({ ...open, versionOverride: target }, settings);
  const upgradedJob = upgraded.jobs[jobIndex];
  if (!upgradedJob) return failure('internal', 'The file read differently the second time.');
  const from = currentConfig.value.sparkVersion;

  const simulation = { preset: input.workload ? undefined : preset, workload: input.workload, jobIndex };
  const before = simulatedSide(current, simulation);
  const after = simulatedSide(upgraded, simulation);
  return success({
    jobIndex,
    jobKind: job.kind,
    jobKindLabel: jobKindLabel(job.kind),
    from: { sparkVersion: from, versionFrom: currentConfig.value.versionFrom },
    to: { sparkVersion: target },
    values: valueChanges(job, from, target),
    findings: compareFindings(
      findingsOfJob(current.diagnostics(), job, current.jobs),
      findingsOfJob(upgraded.diagnostics(), upgradedJob, upgraded.jobs),
      (offset) => current.positionAt(offset),
    ),
    writtenKeys: writtenKeyAvailability(job, from, target),
    simulation: { workload: input.workload ? (input.workload.name ?? 'the workload given') : preset, before, after },
  });
}

function simulatedSide(
  document: SparkDocument,
  input: { preset?: string; workload?: Workload; jobIndex: number },
): SimulatedSide {
  const run = document.simulate(input);
  if (!run.ok) return { ok: false, problem: run.problem };
  const summary = run.value.dra.summary;
  return {
    ok: true,
    figures: {
      runtimeSec: summary.runtimeSec,
      executorHours: summary.executorSeconds / 3600,
      costUsd: summary.cost.total,
      peakExecutors: summary.peakExecutors,
      podsCreated: summary.podsCreated,
      pvcsCreated: summary.pvcsCreated,
    },
  };
}

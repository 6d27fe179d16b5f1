// The checks Spark makes on the allocation settings while the SparkContext starts, in the order Spark makes them:
// unreadable values, task cpus vs executor cores, the initial target range (Kubernetes/YARN backends), then the
// allocation manager's own validation (V1–V8 of spark-facts §2.1) and the timeouts' ">= 0" constraints.
import { versionAtLeast } from '../version';
import type { AllocationConfig, StartupIssue } from './config';

export type { StartupIssue } from './config';

/** Shuffle plugins known not to declare reliable storage. Any other class might (Spark 3.5.0+). */
const UNRELIABLE_SHUFFLE_IO = new Set([
  'org.apache.spark.shuffle.sort.io.LocalDiskShuffleDataIO',
  'org.apache.spark.shuffle.KubernetesLocalDiskShuffleDataIO',
]);

/** True when the master uses a backend that checks the initial target (Kubernetes, YARN; assumed when unset). */
function backendChecksInitialTarget(master: string | undefined): boolean {
  if (master === undefined || master === '') return true;
  return master.startsWith('k8s://') || master === 'yarn';
}

/** Spark's start-up errors (and warnings) for these settings; empty when Spark would start. */
export function validateAllocationConfig(
  cfg: AllocationConfig,
  sparkVersion: string = cfg.sparkVersion,
): StartupIssue[] {
  const issues: StartupIssue[] = [...cfg.parseErrors];
  const error = (id: string, condition: string, message: string): void => {
    issues.push({ id, severity: 'error', condition, message });
  };

  if (cfg.executorCores < cfg.taskCpus) {
    error(
      'task-cpus',
      'spark.executor.cores < spark.task.cpus',
      `Each executor has ${cfg.executorCores} core(s) but every task needs ${cfg.taskCpus}: no task could ever run.`,
    );
  }

  if (backendChecksInitialTarget(cfg.master)) {
    const { minExecutors: min, initialExecutors: initial, maxExecutors: max } = cfg;
    if (!(min <= initial && initial <= max)) {
      error(
        'initial-range',
        'not (minExecutors <= initial <= maxExecutors), initial = max(minExecutors, initialExecutors, spark.executor.instances)',
        `The starting executor target ${initial} is outside minExecutors ${min} … maxExecutors ${max}.`,
      );
    }
  }

  if (cfg.minExecutors < 0 || cfg.maxExecutors < 0) {
    error('V1', 'minExecutors < 0 || maxExecutors < 0', 'minExecutors and maxExecutors may not be negative.');
  }
  if (cfg.maxExecutors === 0) {
    error('V2', 'maxExecutors == 0', 'maxExecutors is 0, so no executor could ever run.');
  }
  if (cfg.minExecutors > cfg.maxExecutors) {
    error(
      'V3',
      'minExecutors > maxExecutors',
      `minExecutors (${cfg.minExecutors}) is larger than maxExecutors (${cfg.maxExecutors}).`,
    );
  }
  if (cfg.schedulerBacklogTimeoutMs <= 0) {
    error(
      'V4',
      'schedulerBacklogTimeout <= 0 (whole seconds)',
      'schedulerBacklogTimeout must be at least one whole second (values below 1s are truncated to 0).',
    );
  }
  if (cfg.sustainedSchedulerBacklogTimeoutMs <= 0) {
    error(
      'V5',
      'sustainedSchedulerBacklogTimeout <= 0 (whole seconds)',
      'sustainedSchedulerBacklogTimeout must be at least one whole second (values below 1s are truncated to 0).',
    );
  }
  const v6 = shuffleRequirement(cfg, sparkVersion);
  if (v6) error('V6', v6.condition, v6.message);
  if (versionAtLeast(sparkVersion, '4.0.0') && cfg.shuffleTrackingEnabled) {
    const decommissionShuffle = cfg.decommissionEnabled && cfg.storageDecommissionShuffleBlocksEnabled;
    const reliable = !UNRELIABLE_SHUFFLE_IO.has(cfg.shuffleIoPluginClass);
    if (decommissionShuffle || reliable) {
      issues.push({
        id: 'V7',
        severity: 'warning',
        condition: 'shuffleTracking.enabled && (shuffle block decommission || reliable shuffle storage)',
        message:
          'Shuffle tracking is on together with another way of keeping shuffle data; idle executors may be kept longer than needed.',
      });
    }
  }
  if (
    cfg.executorAllocationRatio > 1.0 ||
    cfg.executorAllocationRatio <= 0.0 ||
    Number.isNaN(cfg.executorAllocationRatio)
  ) {
    error(
      'V8',
      'executorAllocationRatio > 1.0 || executorAllocationRatio <= 0.0',
      `executorAllocationRatio is ${cfg.executorAllocationRatio}; it must be above 0 and at most 1.`,
    );
  }
  const timeouts: Array<[string, number]> = [
    ['executorIdleTimeout', cfg.executorIdleTimeoutMs],
    ['cachedExecutorIdleTimeout', cfg.cachedExecutorIdleTimeoutMs],
    ['shuffleTracking.timeout', cfg.shuffleTrackingTimeoutMs],
  ];
  for (const [name, ms] of timeouts) {
    if (ms < 0)
      error('timeout', `spark.dynamicAllocation.${name} < 0`, `spark.dynamicAllocation.${name} may not be negative.`);
  }
  return issues;
}

/** V6: how dynamic allocation keeps shuffle data when executors go away; undefined when a way exists. */
function shuffleRequirement(
  cfg: AllocationConfig,
  version: string,
): { condition: string; message: string } | undefined {
  if (cfg.shuffleServiceEnabled || cfg.testing) return undefined;
  const parts = ['!spark.shuffle.service.enabled'];
  const ways = ['spark.shuffle.service.enabled=true (an external shuffle service)'];
  if (versionAtLeast(version, '3.0.0')) {
    if (cfg.shuffleTrackingEnabled) return undefined;
    parts.push('!spark.dynamicAllocation.shuffleTracking.enabled');
    ways.push('spark.dynamicAllocation.shuffleTracking.enabled=true');
  }
  if (versionAtLeast(version, '3.1.0')) {
    if (cfg.decommissionEnabled && cfg.storageDecommissionShuffleBlocksEnabled) return undefined;
    parts.push('!(spark.decommission.enabled && spark.storage.decommission.shuffleBlocks.enabled)');
    ways.push('spark.decommission.enabled=true with spark.storage.decommission.shuffleBlocks.enabled=true');
  }
  if (versionAtLeast(version, '3.5.0')) {
    if (!UNRELIABLE_SHUFFLE_IO.has(cfg.shuffleIoPluginClass)) return undefined;
    parts.push('!(shuffle plugin reports reliable storage)');
    ways.push('a spark.shuffle.sort.io.plugin.class that stores shuffle data reliably');
  }
  parts.push('!spark.dynamicAllocation.testing');
  return {
    condition: parts.join(' && '),
    message: `Spark ${version} refuses dynamic allocation without a way to keep shuffle data; set one of: ${ways.join('; ')}.`,
  };
}

// The inputs a result lists: the Spark keys the simulation reads (as the job file has them and as simulated), the
// resolved figures they led to, the simulator knobs and the prices.
import type { SparkKey } from '../catalog/index';
import type { AllocationConfig } from './config';
import type { ExecutorShape } from './cost';
import { CALIBRATION_KNOBS } from './k8s/calibrated-start';
import { ConfReader } from './k8s/conf-reader';
import { LATENCY_KNOBS } from './k8s/latency';
import { LAUNCH_DELAY_KNOB } from './launch-delay';
import type { Prices } from './prices';
import { YARN_ROOM_KNOB } from './yarn/settings';

const INPUT_KEYS: readonly SparkKey[] = [
  'spark.dynamicAllocation.enabled',
  'spark.dynamicAllocation.minExecutors',
  'spark.dynamicAllocation.maxExecutors',
  'spark.dynamicAllocation.initialExecutors',
  'spark.executor.instances',
  'spark.dynamicAllocation.schedulerBacklogTimeout',
  'spark.dynamicAllocation.sustainedSchedulerBacklogTimeout',
  'spark.dynamicAllocation.executorIdleTimeout',
  'spark.dynamicAllocation.cachedExecutorIdleTimeout',
  'spark.dynamicAllocation.shuffleTracking.enabled',
  'spark.dynamicAllocation.shuffleTracking.timeout',
  'spark.shuffle.service.enabled',
  'spark.executor.cores',
  'spark.task.cpus',
  'spark.executor.memory',
  'spark.kubernetes.allocation.batch.size',
  'spark.kubernetes.allocation.batch.delay',
  'spark.kubernetes.allocation.maxPendingPods',
  'spark.kubernetes.allocation.executor.timeout',
  'spark.kubernetes.driver.ownPersistentVolumeClaim',
  'spark.kubernetes.driver.reusePersistentVolumeClaim',
  'spark.kubernetes.driver.waitToReusePersistentVolumeClaim',
];

/** The job's own values of the input keys, before any what-if override (what "reset" in the panel goes back to). */
export function fileInputs(base: Record<string, string>, version: string): Record<string, string> {
  const reader = new ConfReader(base, version);
  const out: Record<string, string> = {};
  for (const key of INPUT_KEYS) out[key] = reader.raw(key) ?? '(unset)';
  return out;
}

export function inputs(
  r: ConfReader,
  alloc: AllocationConfig,
  shape: ExecutorShape,
  knobs: Readonly<Record<string, number>>,
  prices: Prices,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of INPUT_KEYS) out[key] = r.raw(key) ?? '(unset)';
  out['initial executor target'] = String(alloc.initialExecutors);
  out['task slots per executor'] = String(alloc.tasksPerExecutor);
  out['executor pod vCPU request'] = String(shape.vcpuRequest);
  out['executor pod memory (MiB)'] = String(shape.heapMiB + shape.overheadMiB);
  for (const name of Object.keys(LATENCY_KNOBS) as Array<keyof typeof LATENCY_KNOBS>) {
    const v = knobs[name];
    out[`knob ${name}`] = String(typeof v === 'number' && Number.isFinite(v) ? v : LATENCY_KNOBS[name]);
  }
  for (const name of [...CALIBRATION_KNOBS, LAUNCH_DELAY_KNOB, YARN_ROOM_KNOB]) {
    const v = knobs[name];
    if (typeof v === 'number' && Number.isFinite(v)) out[`knob ${name}`] = String(v);
  }
  for (const key of Object.keys(prices) as Array<keyof Prices>) out[`price ${key}`] = String(prices[key]);
  return out;
}

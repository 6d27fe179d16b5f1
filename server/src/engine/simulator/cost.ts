// What an executor pod requests (vCPU, memory) and what a run costs: EMR on EKS uplift on requested vCPU-hours and
// GB-hours, an optional instance price per vCPU-hour, and EBS storage for PVCs prorated from GiB-months.
import { versionAtLeast } from '../version';
import type { ConfReader } from './k8s/conf-reader';
import type { Prices } from './prices';
import type { CostBreakdown } from '../../../../protocol/simulation';

export interface ExecutorShape {
  /** Task slots come from spark.executor.cores. */
  cores: number;
  /** CPU requested by the pod: spark.kubernetes.executor.request.cores when set, else spark.executor.cores. */
  vcpuRequest: number;
  heapMiB: number;
  overheadMiB: number;
  /** Pod memory request in GB as billed (heap + overhead, MiB / 1024). */
  memoryGb: number;
}

/** A Kubernetes CPU quantity (`2`, `1.5`, `500m`) in cores, or undefined. */
export function parseCpuQuantity(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d*)?|\.\d+)(m?)\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'm' ? n / 1000 : n;
}

export function executorShape(r: ConfReader): ExecutorShape {
  const cores = r.int('spark.executor.cores', 1);
  const requestText = r.string('spark.kubernetes.executor.request.cores');
  const request = requestText !== undefined ? parseCpuQuantity(requestText) : undefined;
  const heapMiB = r.mebibytes('spark.executor.memory') ?? 1024;
  const overheadMiB = memoryOverheadMiB(r, heapMiB);
  return {
    cores,
    vcpuRequest: request !== undefined && request > 0 ? request : cores,
    heapMiB,
    overheadMiB,
    memoryGb: (heapMiB + overheadMiB) / 1024,
  };
}

/**
 * The memory overhead for a heap of `heapMiB`: spark.executor.memoryOverhead when set, else the overhead factor times
 * the heap with its floor (Spark computes a custom resource profile's overhead the same way from its own heap).
 */
export function memoryOverheadMiB(r: ConfReader, heapMiB: number): number {
  const explicit = r.mebibytes('spark.executor.memoryOverhead');
  if (explicit !== undefined) return explicit;
  const factorKey =
    r.given('spark.executor.memoryOverheadFactor') || !r.given('spark.kubernetes.memoryOverheadFactor')
      ? 'spark.executor.memoryOverheadFactor'
      : 'spark.kubernetes.memoryOverheadFactor';
  const factor = r.double(factorKey, 0.1);
  const floor = versionAtLeast(r.version, '4.0.0') ? (r.mebibytes('spark.executor.minMemoryOverhead') ?? 384) : 384;
  return Math.max(Math.floor(factor * heapMiB), floor);
}

/** Pod running time of executors of one size (ms). */
export interface ShapedPodTime {
  podMs: number;
  shape: ExecutorShape;
}

export interface Usage {
  /** Pod-running time summed over executors (ms). */
  podMs: number;
  /** PVC GiB-hours during the job. */
  pvcGibHours: number;
  /** GiB of volumes that outlive the job (reclaimPolicy Retain). */
  gibLeftBehind: number;
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** The run's cost; `byShape` splits the pod time among executor sizes (resource profiles), else all is `shape`'s. */
export function computeCost(
  usage: Usage,
  shape: ExecutorShape,
  prices: Prices,
  byShape?: readonly ShapedPodTime[],
): CostBreakdown {
  let vcpuHours = 0;
  let gbHours = 0;
  for (const part of byShape ?? [{ podMs: usage.podMs, shape }]) {
    const podHours = part.podMs / 3_600_000;
    vcpuHours += podHours * part.shape.vcpuRequest;
    gbHours += podHours * part.shape.memoryGb;
  }
  const emrUplift = vcpuHours * prices.emrVcpuHour + gbHours * prices.emrGbHour;
  const compute = vcpuHours * prices.instanceVcpuHour;
  const storage = (usage.pvcGibHours / prices.hoursPerMonth) * prices.ebsGibMonth;
  return {
    emrUplift: round(emrUplift, 6),
    compute: round(compute, 6),
    storage: round(storage, 6),
    total: round(emrUplift + compute + storage, 6),
    currency: 'USD',
    computePriced: prices.instanceVcpuHour > 0,
    leftBehindPerMonth: round(usage.gibLeftBehind * prices.ebsGibMonth, 6),
  };
}

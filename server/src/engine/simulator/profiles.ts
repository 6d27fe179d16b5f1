// The workload's resource profiles as the simulator runs them. A custom profile takes what it leaves out from the
// default profile (the simulated configuration), as Spark fills in a profile's request to the cluster manager: cores,
// heap, and an overhead derived from its own heap unless it names one. Task slots are floor(cores / task CPUs).
import type { ResourceProfileSpec } from '../workload/types';
import { memoryOverheadMiB, parseCpuQuantity, type ExecutorShape } from './cost';
import type { ConfReader } from './k8s/conf-reader';
import type { ProfileSlots } from './profile-tally';

export interface SimProfile extends ProfileSlots {
  executorCores: number;
  taskCpus: number;
  /** What its executor pods request (for cost). */
  shape: ExecutorShape;
}

export interface ResolvedProfiles {
  /** The default profile (id 0) first, then the workload's by id. */
  all: SimProfile[];
  /** Reasons Spark would refuse a profile (an executor too small for one task). */
  problems: string[];
}

export function resolveProfiles(
  specs: readonly ResourceProfileSpec[] | undefined,
  defaults: { executorCores: number; taskCpus: number; tasksPerExecutor: number },
  shape: ExecutorShape,
  r: ConfReader,
): ResolvedProfiles {
  const all: SimProfile[] = [
    {
      id: 0,
      executorCores: defaults.executorCores,
      taskCpus: defaults.taskCpus,
      slots: defaults.tasksPerExecutor,
      shape,
    },
  ];
  const problems: string[] = [];
  // spark.kubernetes.executor.request.cores applies to the pods of every profile.
  const requestText = r.string('spark.kubernetes.executor.request.cores');
  const request = requestText !== undefined ? parseCpuQuantity(requestText) : undefined;
  for (const spec of specs ?? []) {
    const cores = spec.executorCores ?? defaults.executorCores;
    const taskCpus = spec.taskCpus ?? defaults.taskCpus;
    const heapMiB = spec.executorMemoryMiB ?? shape.heapMiB;
    let overheadMiB = spec.memoryOverheadMiB;
    if (overheadMiB === undefined)
      overheadMiB = spec.executorMemoryMiB === undefined ? shape.overheadMiB : memoryOverheadMiB(r, heapMiB);
    const slots = taskCpus > 0 ? Math.floor(cores / taskCpus) : 0;
    if (slots < 1) {
      problems.push(
        `Resource profile ${spec.id}: an executor with ${cores} core(s) cannot run a task needing ${taskCpus} CPU(s).`,
      );
    }
    all.push({
      id: spec.id,
      executorCores: cores,
      taskCpus,
      slots,
      shape: {
        cores,
        vcpuRequest: request !== undefined && request > 0 ? request : cores,
        heapMiB,
        overheadMiB,
        memoryGb: (heapMiB + overheadMiB) / 1024,
      },
    });
  }
  return { all, problems };
}

/** The profiles a cluster run needs to know (all but the default), or none when every stage runs under the default. */
export function otherProfileSlots(profiles: ResolvedProfiles): ProfileSlots[] {
  return profiles.all.filter((p) => p.id !== 0).map((p) => ({ id: p.id, slots: p.slots }));
}

/** The custom profiles as simulation inputs (key → value), for display beside the configuration's own. */
export function profileInputs(profiles: ResolvedProfiles): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of profiles.all) {
    if (p.id === 0) continue;
    out[`resource profile ${p.id}`] =
      `${p.executorCores} cores, ${p.taskCpus} CPU(s) per task (${p.slots} task slots), ` +
      `${p.shape.heapMiB + p.shape.overheadMiB} MiB pod memory`;
  }
  return out;
}

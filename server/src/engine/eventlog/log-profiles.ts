// The resource profiles a log's kept stages ran under, in the workload format: what each profile's
// SparkListenerResourceProfileAdded asked for, in whole units. Amounts the workload cannot express (fractional task
// CPUs, task CPUs above the executor's cores) are left out, so the simulated configuration's values stand in.
import type { EventCollector } from './collect';

const wholePositive = (n: number | undefined): number | undefined =>
  n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;

/** Profile declarations for the stages' non-default profile ids (a profile the log never described is declared bare). */
export function workloadProfiles(
  c: EventCollector,
  stages: Iterable<Record<string, unknown>>,
): Array<Record<string, number>> {
  const ids = new Set<number>();
  for (const s of stages) if (typeof s.profile === 'number' && s.profile !== 0) ids.add(s.profile);
  return [...ids]
    .sort((a, b) => a - b)
    .map((id) => {
      const asked = c.profiles.get(id);
      const out: Record<string, number> = { id };
      const cores = wholePositive(asked?.executorCores);
      const memory = wholePositive(asked?.executorMemoryMiB);
      const overhead = asked?.memoryOverheadMiB;
      const cpus = wholePositive(asked?.taskCpus);
      if (cores !== undefined) out.executorCores = cores;
      if (memory !== undefined) out.executorMemoryMiB = memory;
      if (overhead !== undefined && Number.isInteger(overhead) && overhead >= 0) out.memoryOverheadMiB = overhead;
      if (cpus !== undefined && (cores === undefined || cpus <= cores)) out.taskCpus = cpus;
      return out;
    });
}

// Which resource profiles the log's stages ran under, and how much work each did.
import type { EventCollector } from './collect';
import type { ProfileUsage } from './types';

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function profileUsage(c: EventCollector): ProfileUsage[] {
  const usage = new Map<number, ProfileUsage>();
  for (const stage of c.stages.values()) {
    const id = stage.profileId ?? 0;
    let u = usage.get(id);
    if (!u) {
      u = { id, stages: 0, tasks: 0, taskSeconds: 0 };
      const asked = c.profiles.get(id);
      if (asked?.executorCores !== undefined) u.executorCores = asked.executorCores;
      if (asked?.taskCpus !== undefined) u.taskCpus = asked.taskCpus;
      if (asked?.customResources !== undefined) u.customResources = asked.customResources;
      usage.set(id, u);
    }
    u.stages++;
    u.tasks += stage.successes.length;
    for (const run of stage.successes) u.taskSeconds += run.seconds;
  }
  return [...usage.values()].map((u) => ({ ...u, taskSeconds: round3(u.taskSeconds) })).sort((a, b) => a.id - b.id);
}

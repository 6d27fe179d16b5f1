// A run's summary figures for the result: runtime, executor and core seconds, pods, PVCs, cost, recomputation, and
// the per-profile figures when the run kept several resource profiles.
import type { ProfileSummary, SimulationSummary } from '../../../../protocol/simulation';
import type { ClusterRunOutput } from './cluster-sim';
import { computeCost } from './cost';
import type { Prices } from './prices';
import type { ResolvedProfiles } from './profiles';

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function summarize(run: ClusterRunOutput, profiles: ResolvedProfiles, prices: Prices): SimulationSummary {
  const shape = profiles.all[0].shape;
  const executorSeconds = run.executorMs / 1000;
  let busyCoreSeconds = (run.busyTaskMs / 1000) * profiles.all[0].taskCpus;
  let coreSeconds = executorSeconds * shape.cores;
  const perProfile = run.profiles?.map((figures) => {
    const profile = profiles.all.find((p) => p.id === figures.id) ?? profiles.all[0];
    return { figures, profile };
  });
  if (perProfile) {
    busyCoreSeconds = perProfile.reduce((n, x) => n + (x.figures.busyTaskMs / 1000) * x.profile.taskCpus, 0);
    coreSeconds = perProfile.reduce((n, x) => n + (x.figures.executorMs / 1000) * x.profile.executorCores, 0);
  }
  const byShape = perProfile?.map((x) => ({ podMs: x.figures.podRunningMs, shape: x.profile.shape }));
  return {
    runtimeSec: round3(run.endMs / 1000),
    executorSeconds: round3(executorSeconds),
    busyCoreSeconds: round3(busyCoreSeconds),
    idleCoreSeconds: round3(Math.max(0, coreSeconds - busyCoreSeconds)),
    peakExecutors: run.peakExecutors,
    podsCreated: run.podsCreated,
    pvcsCreated: run.pvc.created,
    pvcGiBHours: round3(run.pvc.gibHours),
    pvcGiBLeftBehind: round3(run.pvc.gibLeftBehind),
    cost: computeCost(
      { podMs: run.podRunningMs, pvcGibHours: run.pvc.gibHours, gibLeftBehind: run.pvc.gibLeftBehind },
      shape,
      prices,
      byShape,
    ),
    tasks: run.tasks,
    recomputedTasks: run.shuffleLoss.recomputedTasks,
    recomputeSec: round3(run.shuffleLoss.recomputeMs / 1000),
    ...(perProfile ? { profiles: perProfile.map((x) => profileSummary(x.figures, x.profile)) } : {}),
  };
}

export function profileSummary(
  figures: NonNullable<ClusterRunOutput['profiles']>[number],
  profile: ResolvedProfiles['all'][number],
): ProfileSummary {
  return {
    id: figures.id,
    executorCores: profile.executorCores,
    taskCpus: profile.taskCpus,
    peakExecutors: figures.peakExecutors,
    executors: figures.executors,
    executorSeconds: round3(figures.executorMs / 1000),
  };
}

// The notes a simulation adds about its runs: a thinned timeline, the replayed log's executor losses, where the
// static baseline's executor count came from, and what the configuration means for shuffle files and cached blocks.
import type { ExpandedWorkload } from '../workload/types';
import { INT_MAX } from '../spark-constants';
import type { SimulationBudget } from './budget';
import type { ClusterRunOutput, ExecutorLoss } from './cluster-sim';
import type { AllocationConfig } from './config';

export function thinningNotes(run: ClusterRunOutput, label: string, budget: SimulationBudget): string[] {
  if (!run.timelineThinned) return [];
  return [
    `${label}: the timeline was thinned from ${run.timelineSamples.toLocaleString('en-US')} samples to ${run.timeline.length.toLocaleString('en-US')} points (each stretch keeps its lowest and highest values; budget.maxTimelinePoints is ${budget.maxTimelinePoints.toLocaleString('en-US')}).`,
  ];
}

export function lossNote(losses: NonNullable<ClusterRunOutput['losses']>, asked: readonly ExecutorLoss[]): string {
  let missed =
    losses.missed > 0
      ? `; ${losses.missed} found their executor already gone or leaving in the simulation, so nothing was lost`
      : '';
  const late = asked.length - losses.applied - losses.missed;
  if (late > 0) missed += `; ${late} came after the simulated run had ended (or their executor never registered)`;
  const own = asked.filter((l) => l.afterRegistrationMs !== undefined).length;
  const when =
    own === 0
      ? 'at the logged time'
      : own === asked.length
        ? 'as long after registering as in the log, since their own processes failed'
        : `at the logged time, or, for the ${own} whose own processes failed, as long after registering as in the log`;
  return (
    `Executor losses from the log: ${losses.applied} of ${asked.length} executor(s) lost ${when} ` +
    `(the k-th executor to register in the log is the k-th here), ${losses.tasksRerun} running task(s) re-run${missed}.`
  );
}

export function staticCountNote(alloc: AllocationConfig, count: number): string {
  if (alloc.executorInstances !== undefined) return `Static baseline: ${count} executors (spark.executor.instances).`;
  if (alloc.maxExecutors < INT_MAX)
    return `Static baseline: ${count} executors (spark.dynamicAllocation.maxExecutors).`;
  return `Static baseline: ${count} executors (the DRA run's peak; neither spark.executor.instances nor a finite maxExecutors is set).`;
}

export function behaviourNotes(
  workload: ExpandedWorkload,
  alloc: AllocationConfig,
  draOn: boolean,
  nativeManager: boolean,
): string[] {
  const notes: string[] = [];
  if (!draOn) return notes;
  const shuffles = workload.jobs.some((j) => j.stages.some((s) => s.shuffleMap));
  const cached = workload.jobs.some((j) => j.stages.some((s) => s.cached));
  if (alloc.shuffleServiceEnabled && nativeManager) {
    notes.push(
      'spark.shuffle.service.enabled=true: the external shuffle service keeps shuffle files, so executors leave without loss.',
    );
  } else if (alloc.shuffleServiceEnabled) {
    notes.push(
      'spark.shuffle.service.enabled=true: Kubernetes has no external shuffle service, and it turns shuffle tracking off. ' +
        'Executors removed with shuffle files would make Spark recompute them; the simulation loses nothing and does not show that cost.',
    );
  } else if (shuffles && alloc.shuffleTrackingActive && alloc.shuffleTrackingTimeoutMs === Infinity) {
    notes.push(
      'Shuffle tracking keeps an idle executor holding shuffle files for as long as a running job reads them, whatever ' +
        'shuffleTracking.timeout says. Once no running job uses them, the timeout counts; with none set they stay until ' +
        'the shuffle is garbage-collected, which the simulation never does.',
    );
  }
  if (cached) {
    notes.push('Cached RDD blocks stay on the executors that computed them until the end (nothing is unpersisted).');
  }
  return notes;
}

// The DRA advisor: searches the allocation settings on one workload and answers with the `Advice` contract (the
// file as written, the Pareto frontier of cost against runtime, the recommended, cheapest and fastest points as
// their smallest sets of changes, and rules of thumb simulated on the same workload). Deterministic: the candidates
// and every choice among them depend on the input only, never on which thread finished first.
import { ConfReader } from '../simulator/k8s/conf-reader';
import { resolvePodAllocatorSettings } from '../simulator/k8s/settings';
import { resolveAllocationConfig } from '../simulator/config';
import { simulateConf } from '../simulator/simulate-job';
import { getPreset, PRESET_NAMES } from '../workload/presets';
import { DEFAULT_MAX_SLOWDOWN_PCT } from '../../../../protocol/limits';
import { failure, success, type Result } from '../../../../protocol/result';
import { runtimeLimitSec, type Advice, type AdvicePoint, type HeuristicPoint } from '../../../../protocol/advice';
import type { SimulationResult } from '../../../../protocol/simulation';
import { changesKey } from './evaluate';
import { byCost, paretoFrontier } from './frontier';
import { heuristicSpecs } from './heuristics';
import { searchKnobs, type KnobContext } from './knobs';
import { minimiseAll, MINIMISE_TOLERANCE, type MinimiseTask } from './minimise';
import { riskNotes } from './risks';
import { searchSpace } from './search';
import { CancelledError, createEvaluator, type ThreadOptions } from './threads';
import type { Evaluated, Figures, SearchTarget } from './types';

export type { SearchTarget } from './types';
export type { ThreadOptions } from './threads';

// The default constraint is declared with its bound in protocol/limits.ts (the panel shows it too).
export { DEFAULT_MAX_SLOWDOWN_PCT };

export interface AdviseOptions {
  /** Runtime constraint: at most this many percent slower than the configuration searched from (default 5). */
  maxSlowdownPct?: number;
  signal?: AbortSignal;
  /** Called as configurations are simulated: how many so far, and an estimate of how many in all. */
  onProgress?: (done: number, total: number) => void;
  threads?: ThreadOptions;
}

/**
 * A recommendation must save more than this share of the current cost: a smaller difference is within what the
 * minimisation treats as no difference at all.
 */
export const MIN_SAVING = MINIMISE_TOLERANCE;

/** Rough count of simulations a search takes, for progress reports. */
const EXPECTED_SIMULATIONS = 300;

export async function advise(target: SearchTarget, options: AdviseOptions = {}): Promise<Result<Advice>> {
  const maxSlowdownPct = options.maxSlowdownPct ?? DEFAULT_MAX_SLOWDOWN_PCT;
  if (!Number.isFinite(maxSlowdownPct) || maxSlowdownPct < 0) {
    return failure('invalid-params', `The allowed slowdown must be a percentage of 0 or more (got ${maxSlowdownPct}).`);
  }
  const simulated = simulateConf(target.base, target.options);
  if (!simulated.ok) return simulated;
  const baseline = simulated.value;
  let done = 0;
  const onChunk = (count: number): void => {
    done += count;
    options.onProgress?.(done, Math.max(EXPECTED_SIMULATIONS, done));
  };
  const evaluator = createEvaluator(target, options.signal, options.threads);
  try {
    return success(await search(target, baseline, maxSlowdownPct, evaluator, onChunk));
  } catch (error) {
    if (error instanceof CancelledError) return failure('cancelled', error.message);
    return failure('internal', `The advisor failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    evaluator.close();
  }
}

async function search(
  target: SearchTarget,
  baseline: SimulationResult,
  maxSlowdownPct: number,
  evaluator: ReturnType<typeof createEvaluator>,
  onChunk: (count: number) => void,
): Promise<Advice> {
  const conf = { ...target.base, ...(target.options.overrides ?? {}) };
  const version = baseline.sparkVersion;
  const config = resolveAllocationConfig(conf, version);
  const reader = new ConfReader(conf, version);
  const ctx: KnobContext = {
    config,
    batchSize: resolvePodAllocatorSettings(reader, config.executorIdleTimeoutMs).batchSize,
    currentPeak: baseline.dra.summary.peakExecutors,
    workloadHasCache: workloadHasCache(target),
    sparkVersion: version,
  };
  const knobs = searchKnobs(ctx);
  const specs = heuristicSpecs(conf, ctx, baseline.static.executors);
  const outcome = await searchSpace(
    knobs,
    specs.map((s) => s.changes),
    evaluator,
    onChunk,
  );

  const current: Evaluated = { changes: {}, figures: figuresOf(baseline) };
  const limitSec = runtimeLimitSec(current.figures.runtimeSec, maxSlowdownPct);
  const meets = (f: Figures): boolean => f.runtimeSec <= limitSec + 1e-9;
  const notes: string[] = [];
  const heuristics: Array<Evaluated & { name: string }> = [];
  outcome.extras.forEach((result, i) => {
    const spec = specs[i];
    if (result.ok) heuristics.push({ name: spec.name, changes: spec.changes, figures: result.figures });
    else notes.push(`${spec.name} was not simulated: ${result.problem.message}`);
  });
  const constrainedHeuristicCost = Math.min(
    ...heuristics.filter((h) => meets(h.figures)).map((h) => h.figures.costUsd),
  );
  const recommendable = (f: Figures): boolean =>
    meets(f) && f.costUsd < current.figures.costUsd * (1 - MIN_SAVING) && f.costUsd <= constrainedHeuristicCost;

  const pool: Evaluated[] = [current, ...heuristics, ...outcome.points];
  const rawRecommended = [...pool].filter((p) => recommendable(p.figures)).sort(byCost)[0];
  const rawFrontier = paretoFrontier(pool);
  const tasks: MinimiseTask[] = [];
  const queued = new Set<string>();
  for (const point of [...rawFrontier, [...pool].sort(byCost)[0], fastestOf(pool)]) {
    const key = changesKey(point.changes);
    if (Object.keys(point.changes).length === 0 || queued.has(key)) continue;
    queued.add(key);
    tasks.push({ point });
  }
  if (rawRecommended && Object.keys(rawRecommended.changes).length > 0) {
    tasks.push({ point: rawRecommended, accept: recommendable });
  }
  const minimised = await minimiseAll(tasks, evaluator, onChunk);

  // Heuristics are reported as they are; every point the advisor reports as its own is minimised.
  const finalists: Evaluated[] = dedupe([current, ...minimised.points]);
  const frontier = paretoFrontier(finalists);
  const recommended = finalists.filter((p) => recommendable(p.figures)).sort(byCost)[0];
  const cheapest = [...finalists].sort(byCost)[0];
  const fastest = fastestOf(finalists);

  const point = (p: Evaluated): AdvicePoint => ({
    changes: { ...p.changes },
    runtimeSec: p.figures.runtimeSec,
    costUsd: p.figures.costUsd,
    executorSeconds: p.figures.executorSeconds,
    risks: riskNotes(p.changes, config),
  });
  const heuristicPoints: HeuristicPoint[] = heuristics.map((h) => ({
    ...point(h),
    name: h.name,
    meetsConstraint: meets(h.figures),
  }));
  const candidates = 1 + outcome.simulated + minimised.simulations;
  notes.push(
    `Searched ${knobs.map((k) => k.name).join(', ')}: ${candidates} configurations simulated` +
      (outcome.refused > 0 ? `, ${outcome.refused} of them refused (Spark would not start, or over a budget).` : '.'),
    `Changes are minimal: each one left would move runtime or cost by more than ${MINIMISE_TOLERANCE * 100}%.`,
  );
  notes.push(...recommendationNotes(recommended, current, heuristicPoints, maxSlowdownPct));

  return {
    current: point(current),
    recommended: recommended ? point(recommended) : null,
    cheapest: point(cheapest),
    fastest: point(fastest),
    frontier: frontier.map(point),
    heuristics: heuristicPoints,
    // Where the file's executor time goes, from its full simulation (the one that keeps the static baseline).
    breakdown: baseline.dra.breakdown,
    verdict: baseline.verdict,
    maxSlowdownPct,
    candidates,
    workload: { ...baseline.workload },
    sparkVersion: version,
    notes,
  };
}

function figuresOf(result: SimulationResult): Figures {
  const s = result.dra.summary;
  return { runtimeSec: s.runtimeSec, costUsd: s.cost.total, executorSeconds: s.executorSeconds };
}

function fastestOf<T extends Evaluated>(points: readonly T[]): T {
  return [...points].sort((a, b) => a.figures.runtimeSec - b.figures.runtimeSec || byCost(a, b))[0];
}

/** One point per set of changes (the first), in cost order. */
function dedupe(points: readonly Evaluated[]): Evaluated[] {
  const seen = new Set<string>();
  return [...points].sort(byCost).filter((p) => {
    const key = changesKey(p.changes);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function workloadHasCache(target: SearchTarget): boolean {
  const workload = target.options.workload ?? getPreset(target.options.preset ?? PRESET_NAMES[0])?.workload;
  if (!workload) return false;
  return workload.jobs.some((job) => job.stages.some((stage) => stage.cached));
}

function recommendationNotes(
  recommended: Evaluated | undefined,
  current: Evaluated,
  heuristics: readonly HeuristicPoint[],
  maxSlowdownPct: number,
): string[] {
  const notes: string[] = [];
  if (!recommended) {
    notes.push(
      `No recommendation: no configuration tried saves more than ${MIN_SAVING * 100}% of the cost of the file as written ($${current.figures.costUsd.toFixed(4)}) while running at most ${maxSlowdownPct}% longer than its ${current.figures.runtimeSec} s.`,
    );
  }
  for (const h of heuristics) {
    if (!h.meetsConstraint) continue;
    if (!recommended && h.costUsd < current.figures.costUsd) {
      notes.push(
        `${h.name} costs less than the file as written ($${h.costUsd.toFixed(4)}), by less than the ${MIN_SAVING * 100}% a recommendation must save.`,
      );
    } else if (recommended && h.costUsd < recommended.figures.costUsd) {
      notes.push(`${h.name} costs less than the recommendation ($${h.costUsd.toFixed(4)}).`);
    }
  }
  return notes;
}

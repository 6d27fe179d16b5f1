// Validator for the DRA advisor's answer (`Advice`) before it reaches the webview (breakdowns use breakdown-parse.ts).
// Each returns a clean copy holding known fields only, or undefined when anything is off. Pure: no DOM, no vscode.
import type { Advice, AdvicePoint, HeuristicPoint } from './advice';
import { parseExecutorTimeBreakdown } from './breakdown-parse';
import { isOneLine, isSettableValue, isSparkKey, PRESET_NAME_MAX, VALUES_MAX } from './limits';
import { count, finite, isObj, listOf, nonNegative } from './value-checks';

export const ADVICE_LIMITS = {
  /** Points on the frontier (the search simulates a few hundred configurations; the frontier is a fraction). */
  frontier: 5_000,
  heuristics: 50,
  risks: 50,
  /** One risk, note or the verdict. */
  sentence: 2_000,
  notes: 500,
  heuristicName: 200,
  sparkVersion: 50,
} as const;

/** A Spark key → value map as the advisor writes it: Spark keys, settable values, at most VALUES_MAX entries. */
export function parseChanges(x: unknown, allowEmpty = true): Record<string, string> | undefined {
  if (!isObj(x)) return undefined;
  const entries = Object.entries(x);
  if (entries.length > VALUES_MAX || (!allowEmpty && entries.length === 0)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    if (!isSparkKey(k) || !isSettableValue(v)) return undefined;
    out[k] = v;
  }
  return out;
}

function parseSentences(x: unknown, max: number): string[] | undefined {
  if (!Array.isArray(x) || x.length > max) return undefined;
  if (!x.every((s) => typeof s === 'string' && s.length <= ADVICE_LIMITS.sentence)) return undefined;
  return [...(x as string[])];
}

export function parseAdvicePoint(x: unknown): AdvicePoint | undefined {
  if (!isObj(x)) return undefined;
  const changes = parseChanges(x.changes);
  const risks = parseSentences(x.risks, ADVICE_LIMITS.risks);
  const { runtimeSec, costUsd, executorSeconds } = x;
  if (!changes || !risks || !nonNegative(runtimeSec) || !nonNegative(costUsd) || !nonNegative(executorSeconds))
    return undefined;
  return { changes, runtimeSec, costUsd, executorSeconds, risks };
}

function parseHeuristic(x: unknown): HeuristicPoint | undefined {
  const point = parseAdvicePoint(x);
  if (!point || !isObj(x)) return undefined;
  if (!isOneLine(x.name, ADVICE_LIMITS.heuristicName) || x.name.length === 0) return undefined;
  if (typeof x.meetsConstraint !== 'boolean') return undefined;
  return { ...point, name: x.name, meetsConstraint: x.meetsConstraint };
}

/** A breakdown with every category present and not negative (the simulation result's validator). */
export const parseBreakdown = parseExecutorTimeBreakdown;

export function parseAdvice(x: unknown): Advice | undefined {
  if (!isObj(x)) return undefined;
  const current = parseAdvicePoint(x.current);
  const recommended = x.recommended === null ? null : parseAdvicePoint(x.recommended);
  const cheapest = parseAdvicePoint(x.cheapest);
  const fastest = parseAdvicePoint(x.fastest);
  const frontier = listOf(x.frontier, ADVICE_LIMITS.frontier, parseAdvicePoint);
  const heuristics = listOf(x.heuristics, ADVICE_LIMITS.heuristics, parseHeuristic);
  const breakdown = parseBreakdown(x.breakdown);
  const notes = parseSentences(x.notes, ADVICE_LIMITS.notes);
  if (!current || recommended === undefined || !cheapest || !fastest || !frontier || !heuristics || !breakdown)
    return undefined;
  if (!notes || typeof x.verdict !== 'string' || x.verdict.length > ADVICE_LIMITS.sentence) return undefined;
  if (!finite(x.maxSlowdownPct) || x.maxSlowdownPct < 0 || !count(x.candidates)) return undefined;
  if (!isOneLine(x.sparkVersion, ADVICE_LIMITS.sparkVersion)) return undefined;
  const w = x.workload;
  if (!isObj(w) || !isOneLine(w.name, PRESET_NAME_MAX * 10)) return undefined;
  if (!count(w.jobs) || !count(w.stages) || !count(w.tasks)) return undefined;
  return {
    current,
    recommended,
    cheapest,
    fastest,
    frontier,
    heuristics,
    breakdown,
    verdict: x.verdict,
    maxSlowdownPct: x.maxSlowdownPct,
    candidates: x.candidates,
    workload: { name: w.name, jobs: w.jobs, stages: w.stages, tasks: w.tasks },
    sparkVersion: x.sparkVersion,
    notes,
  };
}

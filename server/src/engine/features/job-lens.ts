// The line a code lens shows above each job: "Simulate · Spark 3.5.1 · DRA vs right-sized static −23%". The figure is the one
// place that says what dynamic allocation is compared against, so changing the baseline is a change here only.
import type { Result } from '../../../../protocol/result';
import { problemHeading, success } from '../../../../protocol/result';
import type { SimulationResult } from '../../../../protocol/simulation';

export interface JobLensFigure {
  /** Percent change of DRA's executor time against the baseline, rounded; negative when DRA uses less. */
  percent: number;
  /** Short words for the baseline, as the lens shows them. */
  baseline: string;
  /** A sentence for the lens's tooltip: what was compared, on which workload. */
  explanation: string;
}

/**
 * DRA's executor time against the right-sized static baseline (static at the DRA run's peak) when there is one, else
 * the configured static baseline; undefined when there is nothing to compare.
 */
export function draVsStatic(result: SimulationResult): JobLensFigure | undefined {
  const run = result.staticRightSized ?? result.static;
  const dra = result.dra.summary.executorSeconds;
  const baseline = run.summary.executorSeconds;
  if (!Number.isFinite(dra) || !Number.isFinite(baseline) || baseline <= 0) return undefined;
  const percent = Math.round(((dra - baseline) / baseline) * 100);
  const sized = result.staticRightSized ? 'right-sized static' : 'static';
  return {
    percent,
    baseline: sized,
    explanation:
      `Executor time with dynamic allocation against ${sized} allocation at ${run.executors} executors, ` +
      `on the synthetic workload "${result.workload.name}" (Spark ${result.sparkVersion}). Click to open the simulation.`,
  };
}

/** A signed percentage as the lens writes it: −23%, +4%, ±0%. */
export function signedPercent(percent: number): string {
  if (percent === 0) return '±0%';
  return percent < 0 ? `\u2212${Math.abs(percent)}%` : `+${percent}%`;
}

export interface JobLensText {
  title: string;
  tooltip: string;
}

/**
 * What a lens needs of a simulation: the figure, null when there is nothing to compare, or the problem. A few hundred
 * bytes, so a worker sends this instead of the whole result (hundreds of KB) for the server's thread to copy.
 */
export type JobLensOutcome = Result<JobLensFigure | null>;

export function jobLensOutcome(simulated: Result<SimulationResult>): JobLensOutcome {
  return simulated.ok ? success(draVsStatic(simulated.value) ?? null) : simulated;
}

/** The lens of one job: its Spark version, and the simulated figure (or why there is none) once it is known. */
export function jobLensText(sparkVersion: string, simulated?: Result<SimulationResult>): JobLensText {
  return jobLensTextOf(sparkVersion, simulated && jobLensOutcome(simulated));
}

/** The lens of one job from what its simulation gave ({@link jobLensOutcome}); no outcome yet → just the command. */
export function jobLensTextOf(sparkVersion: string, outcome?: JobLensOutcome): JobLensText {
  const head = `Simulate · Spark ${sparkVersion}`;
  if (!outcome) return { title: head, tooltip: 'Simulate dynamic allocation for this job.' };
  if (!outcome.ok) {
    return { title: `${head} · ${problemHeading(outcome.problem.code)}`, tooltip: outcome.problem.message };
  }
  const figure = outcome.value;
  if (!figure) return { title: head, tooltip: 'The simulation gave no executor time to compare.' };
  return { title: `${head} · DRA vs ${figure.baseline} ${signedPercent(figure.percent)}`, tooltip: figure.explanation };
}

/** Where a job's lens goes: the job's first line, past a YAML `---` separator that opens it. */
export function jobLensOffset(text: string, jobStart: number): number {
  const separator = /^---[ \t]*(?:#[^\n]*)?\r?\n/.exec(text.slice(jobStart, jobStart + 512));
  return separator ? jobStart + separator[0].length : jobStart;
}

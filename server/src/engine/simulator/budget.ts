// Work budgets: how much one simulation may do before it is refused. A run is checked before it starts, from the
// workload and the configuration, and while it runs, by counters the main loop keeps. Going over a budget ends the
// simulation with a problem that names the limit, the figure that went over it and how to raise it: never a crash,
// an out-of-memory or a frozen server.
import { MIN_TIMELINE_POINTS } from './timeline';
import { failure, success, type Result } from '../../../../protocol/result';

export interface SimulationBudget {
  /** Tasks in the workload: every run keeps a duration per task. */
  maxTasks: number;
  /** Executor pods one run may create (a fixed-count run creates all of them at once). */
  maxExecutors: number;
  /**
   * Work units per run: one per simulation step and per allocation tick, plus one per registered executor each time
   * all of them are visited (a quiet tick looking for the next idle deadline, a job start or end).
   */
  maxWork: number;
  /** Points kept per timeline; longer timelines are thinned to this many (lowest and highest values kept). */
  maxTimelinePoints: number;
}

export type BudgetLimit = keyof SimulationBudget;

export const DEFAULT_BUDGET: Readonly<SimulationBudget> = {
  maxTasks: 20_000_000,
  maxExecutors: 100_000,
  maxWork: 500_000_000,
  maxTimelinePoints: 10_000,
};

/** What went over which budget, and the message that says so. */
export interface BudgetExceeded {
  limit: BudgetLimit;
  /** The figure that went over (an estimate when `before`). */
  figure: number;
  allowed: number;
  /** Refused before the run started, or stopped while running. */
  stage: 'before' | 'during';
  /** Where the figure comes from. */
  what: string;
  message: string;
}

const WHAT: Record<BudgetLimit, string> = {
  maxTasks: 'tasks in the workload',
  maxExecutors: 'executor pods in one run',
  maxWork: 'work units (simulation steps, ticks and executor visits) in one run',
  maxTimelinePoints: 'timeline points',
};

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * A budget problem. `what` says where the figure comes from (e.g. "the static baseline's executor count"); `prefix`
 * opens the message (who was refused or stopped, and when).
 */
export function budgetExceeded(
  limit: BudgetLimit,
  figure: number,
  allowed: number,
  stage: 'before' | 'during',
  what: string,
  prefix = stage === 'before' ? 'Not simulated' : 'Simulation stopped',
): BudgetExceeded {
  const message =
    `${prefix}: ${what} is ${fmt(figure)}, over the budget of ${fmt(allowed)} ${WHAT[limit]} (budget.${limit}). ` +
    `Raise budget.${limit} in the simulation options to allow it, or simulate a smaller case.`;
  return { limit, figure, allowed, stage, message, what };
}

/** The defaults with the given overrides; a value that is not a positive number is a problem, not a silent default. */
export function resolveBudget(given: Readonly<Partial<Record<string, unknown>>> | undefined): Result<SimulationBudget> {
  const budget: SimulationBudget = { ...DEFAULT_BUDGET };
  if (given === undefined) return success(budget);
  const problems: string[] = [];
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!isLimit(name)) {
      problems.push(`budget.${name} is not a budget (known: ${Object.keys(DEFAULT_BUDGET).join(', ')}).`);
      continue;
    }
    const least = name === 'maxTimelinePoints' ? MIN_TIMELINE_POINTS : 1;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < least) {
      problems.push(`budget.${name} must be a number of at least ${least} (got ${String(value)}).`);
      continue;
    }
    budget[name] = Math.floor(value);
  }
  return problems.length > 0
    ? failure('invalid-params', `Invalid simulation budget: ${problems.join(' ')}`)
    : success(budget);
}

function isLimit(name: string): name is BudgetLimit {
  return Object.prototype.hasOwnProperty.call(DEFAULT_BUDGET, name);
}

/** The figures a run's own counters are checked against while it runs. */
export type RunBudget = Pick<SimulationBudget, 'maxExecutors' | 'maxWork' | 'maxTimelinePoints'>;

/** Counts a run's work and executor pods; `exceeded` is set at the first budget gone over and stays. */
export class WorkMeter {
  private work = 0;
  exceeded: BudgetExceeded | undefined;

  constructor(private readonly budget: RunBudget) {}

  get workDone(): number {
    return this.work;
  }

  /** Adds work units; false once the run is over its budget. */
  spend(units: number): boolean {
    this.work += units;
    if (this.exceeded === undefined && this.work > this.budget.maxWork) {
      this.exceeded = budgetExceeded('maxWork', this.work, this.budget.maxWork, 'during', 'the work done so far');
    }
    return this.exceeded === undefined;
  }

  /**
   * Checks the executor pods created so far; `wantedMore` when the allocator held back a pod at the budget (the run
   * then needed at least one more than it created). False once over budget.
   */
  executorsCreated(count: number, wantedMore = false): boolean {
    if (this.exceeded === undefined && (count > this.budget.maxExecutors || wantedMore)) {
      this.exceeded = budgetExceeded(
        'maxExecutors',
        wantedMore ? count + 1 : count,
        this.budget.maxExecutors,
        'during',
        wantedMore
          ? 'the number of executor pods the run needed (at least)'
          : 'the number of executor pods created so far',
      );
    }
    return this.exceeded === undefined;
  }
}

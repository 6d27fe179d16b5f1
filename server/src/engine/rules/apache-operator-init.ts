// The Apache Spark Kubernetes Operator's start-up threshold (`spec.applicationTolerations.instanceConfig`): an app
// with fewer than `initExecutors` ready executors once `executorStartTimeoutMillis` has passed is shut down by the
// operator (AppRunningStep, SparkAppStatusUtils). Spark decides how many executors it asks for, so a threshold Spark
// never reaches, or reaches too slowly, stops a healthy job. After start-up, fewer than `minExecutors` only marks the
// app RunningWithBelowThresholdExecutors, which dynamic allocation scaling down triggers by design.
import type { FixData } from './types';
import type { WrittenNumber } from '../model';
import type { RuleContext } from './context';
import { setKeyFix } from './fixes';
import { podCreationSeconds, podPacing } from './pod-pacing';
import { readInt } from './read';
import { INT_MAX } from '../spark-constants';
import { finding, type Check } from './report';
import type { Finding } from './types';

const MIN = 'spark.dynamicAllocation.minExecutors';
const MAX = 'spark.dynamicAllocation.maxExecutors';
const INITIAL = 'spark.dynamicAllocation.initialExecutors';
const INSTANCES = 'spark.executor.instances';
/** Spark on Kubernetes runs this many executors when spark.executor.instances is unset and DRA is off. */
const STATIC_DEFAULT_INSTANCES = 2;

export const apacheOperatorInitUnreachable: Check = (ctx) => {
  const facts = ctx.job.facts.apacheOperator;
  if (ctx.job.kind !== 'apache-spark-operator' || !facts) return [];
  const findings: Finding[] = [];
  const init = facts.instanceConfig.initExecutors;
  const timeoutMs = facts.executorStartTimeoutMillis.value;
  // The operator only enforces the threshold with a positive timeout and a positive initExecutors.
  if (init && init.value > 0 && timeoutMs > 0) {
    const problem = ctx.dra ? draProblem(ctx, init, timeoutMs) : staticProblem(ctx, init, timeoutMs);
    if (problem) findings.push(problem);
  }
  const operatorMin = facts.instanceConfig.minExecutors;
  if (ctx.dra && operatorMin && operatorMin.value > 0) {
    const sparkMin = Math.max(0, readInt(ctx, MIN) ?? 0);
    if (operatorMin.value > sparkMin) {
      findings.push(
        finding(
          'apache-operator-init-unreachable',
          `Dynamic allocation may scale this app down to ${sparkMin} executor(s) (spark.dynamicAllocation.minExecutors), below the operator's minExecutors=${operatorMin.value}: each time it does, the operator marks the app RunningWithBelowThresholdExecutors. Align the two if that status is watched.`,
          operatorMin.range,
          { severity: 'info' },
        ),
      );
    }
  }
  return findings;
};

function draProblem(ctx: RuleContext, init: WrittenNumber, timeoutMs: number): Finding | undefined {
  const max = readInt(ctx, MAX) ?? INT_MAX;
  const min = Math.max(0, readInt(ctx, MIN) ?? 0);
  const instances = ctx.get(INSTANCES).value !== undefined ? (readInt(ctx, INSTANCES) ?? 0) : 0;
  const start = Math.max(min, readInt(ctx, INITIAL) ?? 0, instances);
  const deadline = deadlineText(timeoutMs);
  if (init.value > max) {
    return finding(
      'apache-operator-init-unreachable',
      `The operator waits for initExecutors=${init.value} ready executors, but dynamic allocation never runs more than maxExecutors=${max}: ${deadline}, the operator shuts the app down.`,
      init.range,
      { fixes: [setThresholdFix(init, max)] },
    );
  }
  if (init.value > start) {
    return finding(
      'apache-operator-init-unreachable',
      `Dynamic allocation starts with ${start} executor(s) (max of minExecutors, initialExecutors, executor.instances) and asks for more only while tasks wait, so reaching the operator's initExecutors=${init.value} depends on the workload's first stages; ${deadline}, the operator shuts the app down.`,
      init.range,
      {
        fixes: [
          ...setKeyFix(ctx, INITIAL, String(init.value), `Start with ${init.value} executors (initialExecutors)`, true),
          setThresholdFix(init, start),
        ],
      },
    );
  }
  return slowStart(ctx, init, timeoutMs);
}

function staticProblem(ctx: RuleContext, init: WrittenNumber, timeoutMs: number): Finding | undefined {
  const instances = readInt(ctx, INSTANCES) ?? STATIC_DEFAULT_INSTANCES;
  if (init.value > instances) {
    return finding(
      'apache-operator-init-unreachable',
      `The operator waits for initExecutors=${init.value} ready executors, but without dynamic allocation Spark runs spark.executor.instances=${instances}: ${deadlineText(timeoutMs)}, the operator shuts the app down.`,
      init.range,
      { fixes: [setThresholdFix(init, instances)] },
    );
  }
  return slowStart(ctx, init, timeoutMs);
}

/** Spark asks for enough executors at once, but creating their pods takes longer than the operator waits. */
function slowStart(ctx: RuleContext, init: WrittenNumber, timeoutMs: number): Finding | undefined {
  const pacing = podPacing(ctx);
  const { batches, seconds } = podCreationSeconds(pacing, init.value);
  if (seconds * 1000 <= timeoutMs) return undefined;
  return finding(
    'apache-operator-init-unreachable',
    `Creating ${init.value} executor pods takes at least ${Math.round(seconds)}s (${batches} batches of at most ${pacing.batchSize}, one per ${pacing.delayMs} ms), longer than the operator's executorStartTimeoutMillis=${timeoutMs}: the operator shuts the app down before it reaches initExecutors.`,
    init.range,
  );
}

function deadlineText(timeoutMs: number): string {
  return `if the app has fewer ready executors once executorStartTimeoutMillis (${timeoutMs} ms) has passed`;
}

function setThresholdFix(init: WrittenNumber, value: number): FixData {
  return {
    title: `Set initExecutors to ${value}`,
    edits: [{ range: { ...init.range }, newText: String(value) }],
    preferred: false,
  };
}

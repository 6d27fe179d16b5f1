// One named claim mounted by every executor. Spark 3.4.0 briefly refused this (SPARK-39006) and then allowed it again
// (SPARK-43342), because a ReadWriteMany claim (EFS, FSx) shared by all executors is a valid setup; any other claim
// attaches to one node, so executors elsewhere cannot start.
import { readInt } from './read';
import type { RuleContext } from './context';
import { valueSpan } from './context';
import { setValueFix } from './fixes';
import { finding, type Check } from './report';
import type { Finding } from './types';
import { jobVolumes } from './volume-keys';

const SHARED_MODES = new Set(['ReadWriteMany', 'ReadOnlyMany']);

/** More than one executor can run: dynamic allocation, or a static count above 1 (Kubernetes starts 2 when unset). */
function severalExecutors(ctx: RuleContext): boolean {
  if (ctx.dra) return true;
  return (readInt(ctx, 'spark.executor.instances') ?? 2) > 1;
}

export const executorFixedClaim: Check = (ctx) => {
  if (!ctx.kubernetes || !severalExecutors(ctx)) return [];
  const findings: Finding[] = [];
  for (const volume of jobVolumes(ctx)) {
    if (volume.role !== 'executor' || volume.type !== 'persistentVolumeClaim') continue;
    const entry = volume.options.get('options.claimName');
    const claimName = entry?.value.trim();
    if (!entry || !claimName || claimName.includes('OnDemand') || claimName.includes('SPARK_EXECUTOR_ID')) continue;
    const known = ctx.claims.find((claim) => claim.name === claimName);
    if (known?.accessModes.some((mode) => SHARED_MODES.has(mode))) continue;
    const what = known
      ? `claim ${claimName} has access modes ${known.accessModes.join(', ') || 'none'}, so it attaches to one node at a time`
      : `unless ${claimName} is ReadWriteMany (EFS, FSx for Lustre…), it attaches to one node at a time`;
    findings.push(
      finding(
        'executor-pvc-fixed-claim',
        `Every executor mounts the same claim \`${claimName}\`: ${what}, and executors on other nodes stay Pending. Spark once rejected fixed executor claims (SPARK-39006) but reverted that (SPARK-43342) because a shared ReadWriteMany claim is valid. For one claim per executor use OnDemand, or put SPARK_EXECUTOR_ID in the name of pre-created claims.`,
        valueSpan(entry),
        { fixes: [setValueFix(entry, 'OnDemand', 'Give each executor its own claim (OnDemand)', false)] },
      ),
    );
  }
  return findings;
};

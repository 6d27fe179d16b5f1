// Driver-owned claim reuse with dynamic allocation on EBS-backed StorageClasses. An EBS volume lives in one
// availability zone and attaches to one node at a time, while Spark hands a freed claim to the next executor by
// StorageClass and size alone: the new executor is tied to the old volume's zone and waits for it to detach.
import { readBool } from './read';
import type { RuleContext } from './context';
import { valueSpan } from './context';
import { executorClaimClasses } from './executor-volumes';
import { finding, type Check } from './report';
import type { Finding } from './types';

const EBS_PROVISIONERS = new Set(['ebs.csi.aws.com', 'kubernetes.io/aws-ebs']);

const REUSE = 'spark.kubernetes.driver.reusePersistentVolumeClaim';
const ZONE_LABELS = [
  'topology.kubernetes.io/zone',
  'topology.ebs.csi.aws.com/zone',
  'failure-domain.beta.kubernetes.io/zone',
];
const SELECTOR_PREFIXES = ['spark.kubernetes.node.selector.', 'spark.kubernetes.executor.node.selector.'] as const;

/**
 * Reuse the user asked for: written true, with the driver owning the claims. Reuse that is only Spark 3.4's default is
 * left alone, or every EBS job with dynamic allocation would be reported.
 */
function reusesClaims(ctx: RuleContext): boolean {
  return (
    ctx.winner(REUSE) !== undefined &&
    (readBool(ctx, REUSE) ?? false) &&
    (readBool(ctx, 'spark.kubernetes.driver.ownPersistentVolumeClaim') ?? false)
  );
}

/** Executors pinned to one zone by a node selector, so every reused volume is in their zone. */
function pinnedToZone(ctx: RuleContext): boolean {
  return SELECTOR_PREFIXES.some((prefix) =>
    ZONE_LABELS.some((label) => (ctx.winner(`${prefix}${label}`)?.value.trim() ?? '') !== ''),
  );
}

export const draPvcReuseOnEbs: Check = (ctx) => {
  if (!ctx.kubernetes || !ctx.dra || !reusesClaims(ctx) || pinnedToZone(ctx)) return [];
  const findings: Finding[] = [];
  for (const use of executorClaimClasses(ctx)) {
    const provisioner = use.storageClass.provisioner ?? '';
    if (!EBS_PROVISIONERS.has(provisioner)) continue;
    const where = use.local ? '' : ' (in the workspace)';
    findings.push(
      finding(
        'dra-pvc-reuse-on-ebs',
        `Executor claims of \`${use.volume.name}\` are reused under dynamic allocation on StorageClass ${use.storageClass.name}${where}, an EBS class (${provisioner}). An EBS volume stays in one availability zone and attaches to one node at a time, and Spark hands a freed claim to the next executor without looking at either: new executors can be held to the old volume's zone or wait for it to detach, so scale-out is slow or stalls. Pin executors to one zone (spark.kubernetes.executor.node.selector.topology.kubernetes.io/zone), or use storage that is not zonal for reused claims.`,
        valueSpan(use.entry),
        {
          related: use.local
            ? [{ message: `StorageClass ${use.storageClass.name}`, range: use.storageClass.nameRange }]
            : [],
        },
      ),
    );
  }
  return findings;
};

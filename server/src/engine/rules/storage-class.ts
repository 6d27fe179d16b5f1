// StorageClasses of on-demand executor/driver PVCs: binding mode and reclaim policy.
import type { ConfigEntry, StorageClassInfo } from '../model';
import type { RuleId } from './registry';
import type { RuleContext } from './context';
import { valueSpan } from './context';
import { finding, type Check } from './report';
import type { Finding, FixData } from './types';
import { jobVolumes } from './volume-keys';

interface ClassUse {
  sc: StorageClassInfo;
  entries: ConfigEntry[];
  /** The StorageClass document is in the file being analyzed. */
  local: boolean;
}

/** StorageClasses named by OnDemand PVC volumes of the job, with the entries naming them. */
function classUses(ctx: RuleContext): ClassUse[] {
  const uses = new Map<StorageClassInfo, ClassUse>();
  for (const volume of jobVolumes(ctx)) {
    if (volume.type !== 'persistentVolumeClaim') continue;
    if (!volume.options.get('options.claimName')?.value.includes('OnDemand')) continue;
    const entry = volume.options.get('options.storageClass');
    const name = entry?.value.trim();
    if (!entry || !name) continue;
    const sc = ctx.storageClasses.find((candidate) => candidate.name === name);
    if (!sc) continue;
    const use = uses.get(sc) ?? { sc, entries: [], local: ctx.parsed.storageClasses.includes(sc) };
    use.entries.push(entry);
    uses.set(sc, use);
  }
  return [...uses.values()];
}

function report(
  ruleId: RuleId,
  use: ClassUse,
  messageForJob: string,
  messageForClass: string,
  field: { value: string; range: { start: number; end: number } } | undefined,
  fixTo: string,
): Finding[] {
  if (use.local) {
    const range = field?.range ?? use.sc.nameRange;
    const fixes: FixData[] = field
      ? [{ title: `Change to ${fixTo}`, edits: [{ range: { ...field.range }, newText: fixTo }], preferred: true }]
      : [];
    return [
      finding(ruleId, messageForClass, range, {
        related: use.entries.map((entry) => ({
          message: `Executor PVCs use StorageClass ${use.sc.name} here`,
          range: valueSpan(entry),
        })),
        fixes,
      }),
    ];
  }
  return use.entries.map((entry) => finding(ruleId, messageForJob, valueSpan(entry)));
}

export const bindingMode: Check = (ctx) => {
  if (!ctx.kubernetes) return [];
  const findings: Finding[] = [];
  for (const use of classUses(ctx)) {
    const mode = use.sc.volumeBindingMode?.value ?? 'Immediate';
    if (mode === 'WaitForFirstConsumer') continue;
    const why =
      'volumes are provisioned before the pod is scheduled, possibly in another zone, and reused claims can hit multi-attach errors as executors come and go';
    findings.push(
      ...report(
        'storage-class-immediate-binding',
        use,
        `StorageClass ${use.sc.name} (in the workspace) binds volumes ${mode === 'Immediate' ? 'immediately' : `with mode ${mode}`}: ${why}. Use volumeBindingMode: WaitForFirstConsumer.`,
        `volumeBindingMode ${mode} provisions executor volumes before their pods are scheduled: ${why.replace('volumes are provisioned before the pod is scheduled, ', '')}. Use WaitForFirstConsumer.`,
        use.sc.volumeBindingMode,
        'WaitForFirstConsumer',
      ),
    );
  }
  return findings;
};

export const reclaimRetain: Check = (ctx) => {
  if (!ctx.kubernetes) return [];
  const findings: Finding[] = [];
  for (const use of classUses(ctx)) {
    if (use.sc.reclaimPolicy?.value !== 'Retain') continue;
    findings.push(
      ...report(
        'storage-class-retain',
        use,
        `StorageClass ${use.sc.name} (in the workspace) has reclaimPolicy Retain: every executor volume outlives the job and keeps billing until someone deletes it. Use Delete.`,
        'reclaimPolicy Retain keeps every executor volume after the job ends, and it keeps billing until deleted by hand. Use Delete (AWS revised its own advice to Delete).',
        use.sc.reclaimPolicy,
        'Delete',
      ),
    );
  }
  return findings;
};

export const storageClassChecks: readonly Check[] = [bindingMode, reclaimRetain];

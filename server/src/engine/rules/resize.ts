// Spark 4.2's resize plugins (spark-facts-2026 §1.3): both switch themselves off unless pods are created by the
// `direct` allocator; the PVC plugin's interval counts whole minutes and must be 0 or a multiple of 5; and it can only
// grow claims whose StorageClass allows volume expansion. The PVC plugin resizes `spark-local-dir-*` claims only.
import { EXECUTOR_RESIZE_PLUGIN, PVC_RESIZE_PLUGIN } from '../catalog';
import { parseDuration } from '../values';
import { versionAtLeast } from '../version';
import type { RuleContext } from './context';
import { valueSpan } from './context';
import { executorClaimClasses } from './executor-volumes';
import { setValueFix } from './fixes';
import { readString } from './read';
import { finding, type Check } from './report';
import type { Finding } from './types';
import { LOCAL_DIR_PREFIX } from './volumes';

const PLUGINS = 'spark.plugins';
const ALLOCATOR = 'spark.kubernetes.allocation.pods.allocator';
const PVC_INTERVAL = 'spark.kubernetes.executor.pvc.resizeInterval';

const SHORT_NAMES: ReadonlyMap<string, string> = new Map([
  [EXECUTOR_RESIZE_PLUGIN, 'ExecutorResizePlugin'],
  [PVC_RESIZE_PLUGIN, 'ExecutorPVCResizePlugin'],
]);

/** Short names resolve to the built-in classes (Spark's own Kubernetes integration tests write them so). */
const BY_SHORT_NAME: ReadonlyMap<string, string> = new Map([...SHORT_NAMES].map(([full, short]) => [short, full]));

/** The resize plugins listed in spark.plugins, as full class names. */
function resizePlugins(ctx: RuleContext): string[] {
  const list = readString(ctx, PLUGINS);
  if (!list) return [];
  return list
    .split(',')
    .map((name) => name.trim())
    .map((name) => BY_SHORT_NAME.get(name) ?? name)
    .filter((name) => SHORT_NAMES.has(name));
}

export const resizeNeedsDirectAllocator: Check = (ctx) => {
  if (!ctx.kubernetes || !versionAtLeast(ctx.version, '4.2.0')) return [];
  const plugins = resizePlugins(ctx);
  const entry = ctx.winner(PLUGINS);
  const allocator = readString(ctx, ALLOCATOR) ?? 'direct';
  if (plugins.length === 0 || !entry || allocator === 'direct') return [];
  const allocatorEntry = ctx.winner(ALLOCATOR);
  const names = plugins.map((name) => SHORT_NAMES.get(name) ?? name).join(' and ');
  return [
    finding(
      'resize-plugin-needs-direct-allocator',
      `${names} ${plugins.length > 1 ? 'work' : 'works'} only with the \`direct\` pods allocator; with ${ALLOCATOR}=${allocator} ${plugins.length > 1 ? 'they log a warning and do' : 'it logs a warning and does'} nothing.`,
      valueSpan(entry),
      {
        related: allocatorEntry
          ? [{ message: `The pods allocator is set to ${allocator} here`, range: valueSpan(allocatorEntry) }]
          : [],
        fixes: allocatorEntry ? [setValueFix(allocatorEntry, 'direct', 'Use the direct pods allocator')] : [],
      },
    ),
  ];
};

export const pvcResizeIntervalUnits: Check = (ctx) => {
  if (!versionAtLeast(ctx.version, '4.2.0')) return [];
  const entry = ctx.winner(PVC_INTERVAL);
  if (!entry) return [];
  const parsed = parseDuration(entry.value, 'min');
  // Unparsable values are invalid-value's.
  if (!parsed.ok || (parsed.value >= 0 && parsed.value % 5 === 0)) return [];
  const minutes = parsed.value;
  const suggestion = minutes < 0 ? '0' : `${Math.ceil(minutes / 5) * 5 || 5}min`;
  return [
    finding(
      'pvc-resize-interval-units',
      `${PVC_INTERVAL} is read as ${minutes} whole minute${minutes === 1 ? '' : 's'}; Spark accepts only 0 (off) or a multiple of 5 minutes and stops at start-up otherwise.`,
      valueSpan(entry),
      { fixes: [setValueFix(entry, suggestion, `Change to ${suggestion}`)] },
    ),
  ];
};

export const pvcResizeNeedsExpansion: Check = (ctx) => {
  if (!ctx.kubernetes || !versionAtLeast(ctx.version, '4.2.0')) return [];
  if (!resizePlugins(ctx).includes(PVC_RESIZE_PLUGIN)) return [];
  const findings: Finding[] = [];
  const localDirs = executorClaimClasses(ctx, (volume) => volume.name.startsWith(LOCAL_DIR_PREFIX));
  for (const use of localDirs) {
    if (use.storageClass.allowVolumeExpansion === true) continue;
    const where = use.local ? '' : ' (in the workspace)';
    findings.push(
      finding(
        'pvc-resize-plugin-needs-expansion',
        `ExecutorPVCResizePlugin grows \`${use.volume.name}\` claims, but StorageClass ${use.storageClass.name}${where} does not set allowVolumeExpansion: true, so every resize request is refused and the plugin gives up on the claim. Set allowVolumeExpansion: true on the StorageClass (EBS volumes can then grow once every 6 hours).`,
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

export const resizeChecks: readonly Check[] = [
  resizeNeedsDirectAllocator,
  pvcResizeIntervalUnits,
  pvcResizeNeedsExpansion,
];

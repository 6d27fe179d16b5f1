// Shuffle data and dynamic allocation: what lets executors go without losing shuffle files (V6), the external shuffle
// service on Kubernetes, and shuffle tracking combined with migration or reliable storage (V7).
import type { ConfigEntry } from '../model';
import { versionAtLeast } from '../version';
import type { RuleContext } from './context';
import { jobAnchor, valueSpan } from './context';
import { setKeyFix, setValueFix } from './fixes';
import { readBool, readString } from './read';
import { finding, type Check } from './report';
import type { Finding } from './types';

const ESS = 'spark.shuffle.service.enabled';
const TRACKING = 'spark.dynamicAllocation.shuffleTracking.enabled';
const DECOMMISSION = 'spark.decommission.enabled';
const SHUFFLE_MIGRATION = 'spark.storage.decommission.shuffleBlocks.enabled';
const PLUGIN = 'spark.shuffle.sort.io.plugin.class';

export const LOCAL_DISK_IO = 'org.apache.spark.shuffle.sort.io.LocalDiskShuffleDataIO';
export const K8S_LOCAL_DISK_IO = 'org.apache.spark.shuffle.KubernetesLocalDiskShuffleDataIO';

export interface ShuffleState {
  ess: boolean;
  /** shuffleTracking.enabled as the version reads it (false before 3.0, where the key does not exist). */
  trackingEnabled: boolean;
  /** Shuffle tracking actually runs: enabled and no external shuffle service. */
  trackingActive: boolean;
  /** decommission.enabled && storage.decommission.shuffleBlocks.enabled (from 3.1). */
  migration: boolean;
  /** A ShuffleDataIO plugin that may store shuffle data reliably (an unknown plugin, from 3.5). */
  reliable: boolean;
  testing: boolean;
}

export function shuffleState(ctx: RuleContext): ShuffleState {
  const ess = readBool(ctx, ESS) ?? false;
  const trackingEnabled = versionAtLeast(ctx.version, '3.0.0') && (readBool(ctx, TRACKING) ?? false);
  const migration =
    versionAtLeast(ctx.version, '3.1.0') &&
    (readBool(ctx, DECOMMISSION) ?? false) &&
    (readBool(ctx, SHUFFLE_MIGRATION) ?? false);
  const plugin = readString(ctx, PLUGIN);
  const reliable =
    versionAtLeast(ctx.version, '3.5.0') &&
    plugin !== undefined &&
    plugin !== '' &&
    plugin !== LOCAL_DISK_IO &&
    plugin !== K8S_LOCAL_DISK_IO;
  return {
    ess,
    trackingEnabled,
    trackingActive: trackingEnabled && !ess,
    migration,
    reliable,
    testing: readBool(ctx, 'spark.dynamicAllocation.testing') ?? false,
  };
}

export const draShuffleSupport: Check = (ctx) => {
  // EMR Serverless ships its own defaults for shuffle handling; Apache's defaults say nothing about it.
  if (!ctx.dra || ctx.job.facts.platform === 'emr-serverless') return [];
  const state = shuffleState(ctx);
  if (state.ess || state.trackingEnabled || state.migration || state.reliable || state.testing) return [];
  const trackingEntry = ctx.winner(TRACKING);
  const range = trackingEntry && versionAtLeast(ctx.version, '3.0.0') ? valueSpan(trackingEntry) : jobAnchor(ctx);
  if (!versionAtLeast(ctx.version, '3.0.0')) {
    const where = ctx.onKubernetes ? ', which Kubernetes does not have' : '';
    return [
      finding(
        'dra-without-shuffle-support',
        `Spark ${ctx.version} has no shuffle tracking: dynamic allocation requires the external shuffle service${where}, so the job fails at start-up. Dynamic allocation on Kubernetes needs Spark 3.0 or later.`,
        range,
      ),
    ];
  }
  const reason = trackingEntry
    ? 'shuffle tracking is turned off'
    : `shuffle tracking is off by default before Spark 3.4 (this job runs ${ctx.version})`;
  const decommission = versionAtLeast(ctx.version, '3.1.0') ? ', decommissioning with shuffle migration' : '';
  return [
    finding(
      'dra-without-shuffle-support',
      `Dynamic allocation fails at start-up: ${reason} and there is no external shuffle service${decommission} or reliable shuffle storage. Turn on spark.dynamicAllocation.shuffleTracking.enabled.`,
      range,
      { fixes: setKeyFix(ctx, TRACKING, 'true', 'Turn on shuffle tracking', true) },
    ),
  ];
};

export const shuffleServiceOnKubernetes: Check = (ctx) => {
  if (!ctx.onKubernetes) return [];
  const entry = ctx.winner(ESS);
  if (!entry || !(readBool(ctx, ESS) ?? false)) return [];
  const tracking =
    ctx.dra && versionAtLeast(ctx.version, '3.0.0')
      ? ' It also switches shuffle tracking off, so dynamic allocation may remove executors whose shuffle files are still needed.'
      : '';
  return [
    finding(
      'shuffle-service-on-kubernetes',
      `Kubernetes has no external shuffle service; nothing serves shuffle files for removed executors.${tracking}`,
      valueSpan(entry),
      {
        fixes: [setValueFix(entry, 'false', 'Turn off the external shuffle service')],
      },
    ),
  ];
};

export const trackingWithMigration: Check = (ctx) => {
  if (!ctx.dra) return [];
  const state = shuffleState(ctx);
  if (!state.trackingActive || !(state.migration || state.reliable)) return [];
  const cause: ConfigEntry | undefined = state.migration
    ? (ctx.winner(DECOMMISSION) ?? ctx.winner(SHUFFLE_MIGRATION))
    : ctx.winner(PLUGIN);
  const range = cause ? valueSpan(cause) : jobAnchor(ctx);
  const other = state.migration
    ? 'decommissioning migrates shuffle blocks'
    : 'the shuffle plugin stores shuffle data reliably';
  const findings: Finding[] = [
    finding(
      'shuffle-tracking-with-migration',
      `Shuffle tracking is on while ${other}; tracking then keeps idle executors alive for shuffle data that would survive anyway, so they are released late (Spark 4.0 warns about this).`,
      range,
      { fixes: setKeyFix(ctx, TRACKING, 'false', 'Turn off shuffle tracking') },
    ),
  ];
  return findings;
};

export const shuffleChecks: readonly Check[] = [draShuffleSupport, shuffleServiceOnKubernetes, trackingWithMigration];

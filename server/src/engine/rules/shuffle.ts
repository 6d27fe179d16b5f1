// Shuffle data and dynamic allocation: what lets executors go without losing shuffle files (V6), the external shuffle
// service on Kubernetes, and shuffle tracking combined with migration or reliable storage (V7).
//
// Two conditions are kept apart. Spark's start-up check counts decommissioning as shuffle support as soon as
// spark.decommission.enabled and shuffle-block migration are on. Blocks only actually move when
// spark.storage.decommission.enabled is on as well, so advice that assumes migration uses the stricter condition.
import { CELEBORN_DATA_IO } from '../catalog';
import type { ConfigEntry } from '../model';
import { versionAtLeast } from '../version';
import type { RuleContext } from './context';
import { jobAnchor, valueSpan } from './context';
import { setKeyFix, setValueFix } from './fixes';
import { readBool, readString } from './read';
import { finding, type Check } from './report';
import { remoteShuffleService } from './shuffle-backend';
import { TRACKING, trackingOffFixes } from './tracking-fix';
import type { Finding, FixData } from './types';

const ESS = 'spark.shuffle.service.enabled';
export const DECOMMISSION = 'spark.decommission.enabled';
export const STORAGE_DECOMMISSION = 'spark.storage.decommission.enabled';
const SHUFFLE_MIGRATION = 'spark.storage.decommission.shuffleBlocks.enabled';
export const PLUGIN = 'spark.shuffle.sort.io.plugin.class';
const CELEBORN_FORCE_FALLBACK = 'spark.celeborn.client.spark.shuffle.forceFallback.enabled';

export const LOCAL_DISK_IO = 'org.apache.spark.shuffle.sort.io.LocalDiskShuffleDataIO';
export const K8S_LOCAL_DISK_IO = 'org.apache.spark.shuffle.KubernetesLocalDiskShuffleDataIO';

export interface ShuffleState {
  ess: boolean;
  /** shuffleTracking.enabled as the version reads it (false before 3.0, where the key does not exist). */
  trackingEnabled: boolean;
  /** Shuffle tracking actually runs: enabled and no external shuffle service. */
  trackingActive: boolean;
  /** What Spark's start-up check accepts: decommission.enabled && storage.decommission.shuffleBlocks.enabled (3.1+). */
  startupMigration: boolean;
  /** Shuffle blocks really migrate: the start-up condition and storage.decommission.enabled. */
  migration: boolean;
  /** A ShuffleDataIO plugin that may store shuffle data reliably (an unknown plugin, from 3.5). */
  reliable: boolean;
  testing: boolean;
}

export function shuffleState(ctx: RuleContext): ShuffleState {
  const ess = readBool(ctx, ESS) ?? false;
  const trackingEnabled = versionAtLeast(ctx.version, '3.0.0') && (readBool(ctx, TRACKING) ?? false);
  const startupMigration =
    versionAtLeast(ctx.version, '3.1.0') &&
    (readBool(ctx, DECOMMISSION) ?? false) &&
    (readBool(ctx, SHUFFLE_MIGRATION) ?? false);
  const plugin = readString(ctx, PLUGIN);
  // Celeborn's plugin stops claiming reliable storage when every shuffle is forced onto local disks.
  const celebornForced = plugin === CELEBORN_DATA_IO && (readBool(ctx, CELEBORN_FORCE_FALLBACK) ?? false);
  const reliable =
    versionAtLeast(ctx.version, '3.5.0') &&
    plugin !== undefined &&
    plugin !== '' &&
    plugin !== LOCAL_DISK_IO &&
    plugin !== K8S_LOCAL_DISK_IO &&
    !celebornForced;
  return {
    ess,
    trackingEnabled,
    trackingActive: trackingEnabled && !ess,
    startupMigration,
    migration: startupMigration && (readBool(ctx, STORAGE_DECOMMISSION) ?? false),
    reliable,
    testing: readBool(ctx, 'spark.dynamicAllocation.testing') ?? false,
  };
}

/** Spark's start-up check (V6) as the configuration reads, before any shuffle manager changes settings at run time. */
export function startupCheckPasses(state: ShuffleState): boolean {
  return state.ess || state.trackingEnabled || state.startupMigration || state.reliable || state.testing;
}

export const draShuffleSupport: Check = (ctx) => {
  // EMR Serverless ships its own defaults for shuffle handling; Apache's defaults say nothing about it.
  if (!ctx.dra || ctx.job.facts.platform === 'emr-serverless') return [];
  const state = shuffleState(ctx);
  if (startupCheckPasses(state)) return [];
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
  const { advice, fixes } = shuffleSupportAdvice(ctx);
  return [
    finding(
      'dra-without-shuffle-support',
      `Dynamic allocation fails at start-up: ${reason} and there is no external shuffle service${decommission} or reliable shuffle storage. ${advice}`,
      range,
      { fixes },
    ),
  ];
};

/** What to do about missing shuffle support: the remote shuffle service's own answer when one is set, else tracking. */
function shuffleSupportAdvice(ctx: RuleContext): { advice: string; fixes: FixData[] } {
  const rss = remoteShuffleService(ctx);
  if (!rss) {
    return {
      advice: `Turn on ${TRACKING}.`,
      fixes: setKeyFix(ctx, TRACKING, 'true', 'Turn on shuffle tracking', true),
    };
  }
  const { service } = rss;
  if (versionAtLeast(ctx.version, '3.5.0')) {
    return {
      advice: `The job shuffles through ${service.name}: set ${PLUGIN} to ${service.dataIo} so that Spark knows the service keeps the shuffle data.`,
      fixes: setKeyFix(ctx, PLUGIN, service.dataIo, `Use ${service.name}'s ShuffleDataIO plugin`, true),
    };
  }
  return {
    advice: `The job shuffles through ${service.name}, and before Spark 3.5 no setting can tell dynamic allocation so: it needs ${service.patch}, or Spark 3.5 or later with ${service.name}'s ShuffleDataIO plugin.`,
    fixes: [],
  };
}

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
  // With a remote shuffle service, rss-shuffle-tracking-on says this in the service's terms.
  if (remoteShuffleService(ctx)) return [];
  const state = shuffleState(ctx);
  if (!state.trackingActive || !(state.migration || state.reliable)) return [];
  const cause: ConfigEntry | undefined = state.migration
    ? (ctx.winner(DECOMMISSION) ?? ctx.winner(STORAGE_DECOMMISSION) ?? ctx.winner(SHUFFLE_MIGRATION))
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
      { fixes: trackingOffFixes(ctx) },
    ),
  ];
  return findings;
};

export const shuffleChecks: readonly Check[] = [draShuffleSupport, shuffleServiceOnKubernetes, trackingWithMigration];

// Remote shuffle services and dynamic allocation (spark-facts-2026 §3): the service keeps the shuffle data, but Spark
// only knows it through the service's ShuffleDataIO plugin (3.5+) or a patched Spark (before 3.5). Celeborn's default
// fallback can still leave shuffles on executor disks; the S3 Express shuffle manager does not support DRA at all.
import { CELEBORN_DATA_IO } from '../catalog';
import { versionAtLeast } from '../version';
import type { RuleContext } from './context';
import { valueSpan } from './context';
import { setKeyFix } from './fixes';
import { readString } from './read';
import { finding, type Check } from './report';
import { PLUGIN, shuffleState, startupCheckPasses } from './shuffle';
import { remoteShuffleService, s3ExpressManager } from './shuffle-backend';
import { TRACKING, trackingOffFixes } from './tracking-fix';
import type { FixData } from './types';

const FALLBACK_POLICY = 'spark.celeborn.client.spark.shuffle.fallback.policy';

function pluginIs(ctx: RuleContext, dataIo: string): boolean {
  return readString(ctx, PLUGIN) === dataIo;
}

/**
 * Spark 3.5+: a Celeborn or Uniffle job whose DRA depends on a plugin it does not have, in the cases the start-up rule
 * cannot see: Uniffle switches shuffle tracking off when it starts, and another plugin class may look reliable here but
 * is not the service's. (Tracking off with no plugin at all is dra-without-shuffle-support, which names the plugin.)
 */
export const rssNeedsDataIo: Check = (ctx) => {
  if (!ctx.dra || !versionAtLeast(ctx.version, '3.5.0')) return [];
  const rss = remoteShuffleService(ctx);
  if (!rss || pluginIs(ctx, rss.service.dataIo)) return [];
  const state = shuffleState(ctx);
  if (state.ess || state.startupMigration || state.testing || !startupCheckPasses(state)) return [];
  const uniffle = rss.service.kind === 'uniffle';
  if (!uniffle && state.trackingEnabled) return [];
  const plugin = ctx.winner(PLUGIN);
  const why = uniffle
    ? `Uniffle's shuffle manager turns shuffle tracking and the external shuffle service off when it starts, so nothing but its ShuffleDataIO plugin can give dynamic allocation the shuffle support it checks for`
    : `shuffle tracking is off and ${plugin?.value.trim() ?? 'the plugin'} is not ${rss.service.name}'s plugin, so nothing tells Spark that the service keeps the shuffle data`;
  return [
    finding(
      'rss-dra-needs-dataio',
      `${rss.service.name} with dynamic allocation needs ${PLUGIN}=${rss.service.dataIo}: ${why}. Spark then refuses to start dynamic allocation.`,
      plugin ? valueSpan(plugin) : valueSpan(rss.entry),
      { fixes: setKeyFix(ctx, PLUGIN, rss.service.dataIo, `Use ${rss.service.name}'s ShuffleDataIO plugin`, true) },
    ),
  ];
};

/** Before Spark 3.5 only a patched Spark lets a remote shuffle service carry dynamic allocation. */
export const rssOldSpark: Check = (ctx) => {
  if (!ctx.dra || !versionAtLeast(ctx.version, '3.0.0') || versionAtLeast(ctx.version, '3.5.0')) return [];
  const rss = remoteShuffleService(ctx);
  if (!rss) return [];
  // A start-up failure is dra-without-shuffle-support's, which names the patch too.
  if (!startupCheckPasses(shuffleState(ctx))) return [];
  const effect =
    rss.service.kind === 'uniffle'
      ? 'Uniffle turns shuffle tracking off when it starts, so an unpatched Spark refuses to start dynamic allocation'
      : 'unpatched, it runs only on shuffle tracking, which keeps executors alive for shuffle data that lives on the service';
  return [
    finding(
      'rss-dra-old-spark',
      `Spark ${ctx.version} cannot learn from a plugin that ${rss.service.name} keeps the shuffle data (that arrived in Spark 3.5). Dynamic allocation with it needs ${rss.service.patch}; ${effect}.`,
      valueSpan(rss.entry),
    ),
  ];
};

/** Celeborn's default AUTO fallback while nothing else protects shuffle files on executors. */
export const celebornAutoFallback: Check = (ctx) => {
  if (!ctx.dra || !versionAtLeast(ctx.version, '3.5.0')) return [];
  const rss = remoteShuffleService(ctx);
  if (rss?.service.kind !== 'celeborn' || !pluginIs(ctx, CELEBORN_DATA_IO)) return [];
  const state = shuffleState(ctx);
  if (!state.reliable || state.trackingActive || state.ess || state.migration) return [];
  const policy = (readString(ctx, FALLBACK_POLICY) ?? 'AUTO').toUpperCase();
  if (policy === 'NEVER') return [];
  const entry = ctx.winner(FALLBACK_POLICY);
  const plugin = ctx.winner(PLUGIN);
  const range = entry ? valueSpan(entry) : plugin ? valueSpan(plugin) : valueSpan(rss.entry);
  return [
    finding(
      'celeborn-auto-fallback-with-dra',
      `Celeborn's fallback policy is ${policy}${entry ? '' : ' (the default)'}: a shuffle can still be written to executor disks (for instance when Celeborn lacks workers or quota), while the plugin tells Spark all shuffle data is safe and shuffle tracking is off. Dynamic allocation may then remove an executor holding such a shuffle, and its blocks are lost. Set the policy to NEVER, or keep shuffle tracking on with a finite shuffleTracking.timeout.`,
      range,
      {
        fixes: [
          ...setKeyFix(ctx, FALLBACK_POLICY, 'NEVER', 'Never fall back to executor disks', true),
          ...setKeyFix(ctx, TRACKING, 'true', 'Turn shuffle tracking back on'),
        ],
      },
    ),
  ];
};

/** Shuffle tracking on a job whose shuffles live on a remote service: executors stay pinned for nothing. */
export const rssTrackingOn: Check = (ctx) => {
  if (!ctx.dra || !versionAtLeast(ctx.version, '3.5.0')) return [];
  const rss = remoteShuffleService(ctx);
  if (!rss) return [];
  const state = shuffleState(ctx);
  if (!state.trackingActive) return [];
  const hasPlugin = pluginIs(ctx, rss.service.dataIo);
  // Uniffle without its plugin is rss-dra-needs-dataio's case.
  if (!hasPlugin && rss.service.kind === 'uniffle') return [];
  const tracking = ctx.winner(TRACKING);
  const range = tracking
    ? tracking.implied
      ? tracking.keyRange
      : valueSpan(tracking)
    : valueSpan(ctx.winner(PLUGIN) ?? rss.entry);
  const operator = tracking?.origin === 'operator-field';
  const where = operator
    ? ' The spark-operator passes shuffle tracking as a --conf that overrides sparkConf, so switch it off with spec.dynamicAllocation.shuffleTrackingEnabled: false.'
    : '';
  const fixes: FixData[] = [];
  let next: string;
  if (!hasPlugin) {
    next = `Set ${PLUGIN}=${rss.service.dataIo}, then turn tracking off.`;
    fixes.push(...setKeyFix(ctx, PLUGIN, rss.service.dataIo, `Use ${rss.service.name}'s ShuffleDataIO plugin`, true));
  } else if (
    rss.service.kind === 'celeborn' &&
    (readString(ctx, FALLBACK_POLICY) ?? 'AUTO').toUpperCase() !== 'NEVER'
  ) {
    // Turning tracking off under AUTO is exactly the hazard of celeborn-auto-fallback-with-dra.
    next =
      'Do not simply turn tracking off: under the default AUTO fallback policy a shuffle can still land on executor disks. Set spark.celeborn.client.spark.shuffle.fallback.policy=NEVER first, or keep tracking with a finite shuffleTracking.timeout.';
    fixes.push(
      ...setKeyFix(ctx, FALLBACK_POLICY, 'NEVER', 'Never fall back to executor disks (then turn tracking off)', true),
    );
  } else {
    next = 'Turn shuffle tracking off.';
    fixes.push(...trackingOffFixes(ctx, 'Turn off shuffle tracking', true));
  }
  return [
    finding(
      'rss-shuffle-tracking-on',
      `Shuffle tracking is on although the shuffle data lives on ${rss.service.name}: executors that ran map tasks are kept as long as their shuffles are in use, so dynamic allocation releases them late and they cost money for nothing. ${next}${where}`,
      range,
      { fixes },
    ),
  ];
};

/** The AWS S3 Express shuffle manager with dynamic allocation, which its README says is not supported yet. */
export const shuffleBackendNoDra: Check = (ctx) => {
  if (!ctx.dra) return [];
  const entry = s3ExpressManager(ctx);
  if (!entry) return [];
  return [
    finding(
      'shuffle-backend-no-dra',
      'The S3 Express shuffle manager (aws-emr-utilities) does not support dynamic allocation yet, by its own README. Run this job with a fixed number of executors, or use another shuffle back-end.',
      valueSpan(entry),
    ),
  ];
};

export const remoteShuffleChecks: readonly Check[] = [
  rssNeedsDataIo,
  rssOldSpark,
  celebornAutoFallback,
  rssTrackingOn,
  shuffleBackendNoDra,
];

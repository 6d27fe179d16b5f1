// Decommissioning: a start-up check that passes while nothing migrates, the fallback-storage path Spark insists ends
// with `/`, and the fetch-failure tolerance of Spark 4 that only works when removed executors are remembered.
import type { ConfigEntry } from '../model';
import { versionAtLeast } from '../version';
import type { RuleContext } from './context';
import { valueSpan } from './context';
import { setKeyFix, setValueFix } from './fixes';
import { readBool, readInt } from './read';
import { finding, type Check } from './report';
import { DECOMMISSION, shuffleState, STORAGE_DECOMMISSION } from './shuffle';

const FALLBACK_PATH = 'spark.storage.decommission.fallbackStorage.path';
const IGNORE_FETCH_FAILURE = 'spark.stage.ignoreDecommissionFetchFailure';
const MAX_RETAINED = 'spark.scheduler.maxRetainedRemovedDecommissionExecutors';

/** The entry that turned decommissioning on, when it is on. */
function decommissionEntry(ctx: RuleContext): ConfigEntry | undefined {
  if (!versionAtLeast(ctx.version, '3.1.0') || !(readBool(ctx, DECOMMISSION) ?? false)) return undefined;
  return ctx.winner(DECOMMISSION);
}

export const decommissionWithoutStorage: Check = (ctx) => {
  if (!ctx.dra) return [];
  const entry = decommissionEntry(ctx);
  if (!entry) return [];
  const state = shuffleState(ctx);
  // Only the case Spark lets through at start-up; without shuffle-block migration dra-without-shuffle-support speaks.
  if (!state.startupMigration || state.migration) return [];
  if (state.trackingActive || state.ess || state.reliable) return [];
  const storage = ctx.winner(STORAGE_DECOMMISSION);
  const why = storage ? 'it is set to false' : 'it defaults to false';
  return [
    finding(
      'decommission-without-storage-decommission',
      `Decommissioning is on and shuffle tracking is not, so Spark starts, but no block leaves a decommissioned executor: ${STORAGE_DECOMMISSION} is off (${why}). Every executor dynamic allocation removes takes its shuffle files with it, and the stages that wrote them run again.`,
      valueSpan(entry),
      {
        related: storage ? [{ message: `${STORAGE_DECOMMISSION} is off here`, range: valueSpan(storage) }] : [],
        fixes: setKeyFix(ctx, STORAGE_DECOMMISSION, 'true', 'Migrate blocks on decommission', true),
      },
    ),
  ];
};

export const fallbackPathSlash: Check = (ctx) => {
  const entry = ctx.winner(FALLBACK_PATH);
  const path = entry?.value.trim();
  if (!entry || !path || path.endsWith('/')) return [];
  return [
    finding(
      'invalid-value',
      `${FALLBACK_PATH} must end with \`/\`; Spark stops with an error at start-up otherwise.`,
      valueSpan(entry),
      { fixes: [setValueFix(entry, `${path}/`, `Change to ${path}/`)] },
    ),
  ];
};

export const fetchFailureNotRetained: Check = (ctx) => {
  if (!versionAtLeast(ctx.version, '4.0.0')) return [];
  const entry = decommissionEntry(ctx);
  if (!entry || !(readBool(ctx, IGNORE_FETCH_FAILURE) ?? false)) return [];
  if ((readInt(ctx, MAX_RETAINED) ?? 0) > 0) return [];
  const retained = ctx.winner(MAX_RETAINED);
  return [
    finding(
      'decommission-fetch-failure-not-retained',
      `Spark ${ctx.version} means to forgive fetch failures caused by decommissioned executors (${IGNORE_FETCH_FAILURE}), but it can only recognise executors it remembers, and ${MAX_RETAINED} is 0${retained ? '' : ' by default'}. Such failures still count against the stage's attempts.`,
      retained ? valueSpan(retained) : valueSpan(entry),
    ),
  ];
};

export const decommissionChecks: readonly Check[] = [
  decommissionWithoutStorage,
  fallbackPathSlash,
  fetchFailureNotRetained,
];

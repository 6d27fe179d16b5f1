// Whether a job caches data, or shows signs that it may: what makes an infinite cachedExecutorIdleTimeout worth a
// remark. The file is all we see, so the test is deliberately simple and documented in docs/rules.md.
import type { RuleContext } from './context';

/** Calls and statements that keep data on executors: Dataset/RDD cache() and persist(), SQL CACHE TABLE, cacheTable(). */
const CACHING_CODE = /\.(?:cache|persist|cacheTable)\s*\(|\bCACHE\s+(?:LAZY\s+)?TABLE\b/i;

/** Keys that only matter when executors hold cached blocks. */
const CACHE_KEYS: readonly string[] = [
  'spark.memory.storageFraction',
  'spark.storage.decommission.rddBlocks.enabled',
  'spark.storage.replication.proactive',
  'spark.rdd.compress',
];
const CACHE_KEY_PREFIXES: readonly string[] = ['spark.sql.inMemoryColumnarStorage.', 'spark.sql.cache.'];

/** Why the job is taken to cache data (for the message), or undefined when nothing in the job's text says so. */
export function cachingEvidence(ctx: RuleContext): string | undefined {
  const code = CACHING_CODE.exec(ctx.text.slice(ctx.job.range.start, ctx.job.range.end));
  if (code) return `the file calls \`${code[0].replace(/\s+/g, ' ').replace(/\s*\($/, '(')}\``;
  const key = ctx.job.entries.find(
    (entry) => CACHE_KEYS.includes(entry.key) || CACHE_KEY_PREFIXES.some((prefix) => entry.key.startsWith(prefix)),
  );
  return key ? `the job sets ${key.key}` : undefined;
}

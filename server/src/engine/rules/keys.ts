// Key names: typos in namespaces we own, volume types, keys newer than the job's Spark version, keys set twice.
import { allKeys, FULLY_COVERED_PREFIXES, isOtherKnownKey, lookupKey, MISNAMED_KEYS, OWNED_PREFIXES } from '../catalog';
import type { ConfigEntry } from '../model';
import { compareVersions } from '../version';
import type { RuleContext } from './context';
import { pickWinner } from '../effective';
import { closest } from './did-you-mean';
import { replaceKeyFix } from './fixes';
import { finding, type Check } from './report';
import type { Finding } from './types';
import { keyPartRange, knownSuffixes, splitVolumeKey, suffixSince, VOLUME_TYPES, volumeTypeSpec } from './volume-keys';
import { exclusiveBranches } from '../locators/yaml/template-branches';

/** An entry whose key the user typed (flags and operator fields write known keys; a templated key is not final). */
function isTyped(entry: ConfigEntry): boolean {
  return (
    entry.origin !== 'submit-flag' &&
    entry.origin !== 'operator-field' &&
    entry.origin !== 'operator-default' &&
    entry.templated !== 'key'
  );
}

/** OWNED_PREFIXES as one pattern: asked for every entry of a job, one match beats a call per prefix. */
const OWNED = new RegExp(
  `^(?:${OWNED_PREFIXES.map((prefix) => prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
);

function owned(key: string): boolean {
  return OWNED.test(key);
}

let keyNames: string[] | undefined;
function catalogKeyNames(): string[] {
  keyNames ??= allKeys()
    .filter((info) => !info.internal)
    .map((info) => info.key);
  return keyNames;
}

/** Did-you-mean over the (fixed) catalog, remembered per key: large files repeat the same unknown keys many times. */
const suggestions = new Map<string, string | undefined>();
function closestCatalogKey(key: string): string | undefined {
  if (suggestions.has(key)) return suggestions.get(key);
  const suggestion = closest(key, catalogKeyNames());
  if (suggestions.size >= 10_000) suggestions.clear();
  suggestions.set(key, suggestion);
  return suggestion;
}

export const unknownKeys: Check = (ctx) => {
  const findings: Finding[] = [];
  const entries = ctx.job.entries;
  // Indexed, like the other loops over every entry (see buildContext).
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as ConfigEntry;
    if (!isTyped(entry)) continue;
    const split = splitVolumeKey(entry.key);
    if (split) {
      const volumeFinding = checkVolumeKeyName(ctx, entry, split);
      if (volumeFinding) findings.push(volumeFinding);
      continue;
    }
    if (!owned(entry.key) || lookupKey(entry.key) || isOtherKnownKey(entry.key)) continue;
    const suggestion = MISNAMED_KEYS.get(entry.key) ?? closestCatalogKey(entry.key);
    // In the broad namespaces (spark.executor., spark.kubernetes.…) Spark has many keys we do not list: only near misses
    // of keys we know are called typos there.
    if (!suggestion && !FULLY_COVERED_PREFIXES.some((prefix) => entry.key.startsWith(prefix))) continue;
    const message = suggestion
      ? `\`${entry.key}\` is not a Spark setting, so Spark ignores it. Did you mean \`${suggestion}\`?`
      : `\`${entry.key}\` is not a Spark setting; Spark ignores unknown keys, so this line has no effect.`;
    findings.push(
      finding('unknown-key', message, entry.keyRange, {
        fixes: suggestion ? [replaceKeyFix(entry, entry.keyRange, suggestion, `Change to ${suggestion}`)] : [],
      }),
    );
  }
  return findings;
};

function checkVolumeKeyName(
  ctx: RuleContext,
  entry: ConfigEntry,
  split: NonNullable<ReturnType<typeof splitVolumeKey>>,
): Finding | undefined {
  const spec = volumeTypeSpec(split.type);
  if (!spec) {
    const typeRange = keyPartRange(ctx.text, entry, split.typeStart, split.nameStart - 1);
    const suggestion = closest(
      split.type,
      VOLUME_TYPES.map((t) => t.type),
      4,
    );
    const types = VOLUME_TYPES.map((t) => t.type).join(', ');
    return finding(
      'unknown-volume-type',
      `\`${split.type}\` is not a volume type Spark supports (${types}); the job fails when the pod is built.` +
        (suggestion ? ` Did you mean \`${suggestion}\`?` : ''),
      typeRange,
      { fixes: suggestion ? [replaceKeyFix(entry, typeRange, suggestion, `Change to ${suggestion}`)] : [] },
    );
  }
  if (suffixSince(spec, split.suffix) !== undefined) return undefined;
  // `data.v1.mount.path`: Spark reads the name as `data` and the suffix as `v1.mount.path`.
  const segments = split.suffix.split('.');
  for (let i = 1; i < segments.length; i++) {
    const tail = segments.slice(i).join('.');
    if (suffixSince(spec, tail) !== undefined) {
      const fullName = [split.name, ...segments.slice(0, i)].join('.');
      const nameRange = keyPartRange(ctx.text, entry, split.nameStart, split.nameStart + fullName.length);
      const fixed = fullName.replace(/\./g, '-');
      return finding(
        'volume-name-with-dot',
        `The volume name \`${fullName}\` contains a dot. Spark takes \`${split.name}\` as the name and \`${split.suffix}\` as the option, so this setting is lost; use a name without dots.`,
        nameRange,
        { fixes: [replaceKeyFix(entry, nameRange, fixed, `Rename the volume to ${fixed}`)] },
      );
    }
  }
  const suffixRange = keyPartRange(ctx.text, entry, split.suffixStart, entry.key.length);
  const suggestion = closest(split.suffix, knownSuffixes(spec), 4);
  return finding(
    'unknown-key',
    `\`${split.suffix}\` is not an option of ${split.type} volumes, so Spark ignores it.` +
      (suggestion ? ` Did you mean \`${suggestion}\`?` : ''),
    suffixRange,
    { fixes: suggestion ? [replaceKeyFix(entry, suffixRange, suggestion, `Change to ${suggestion}`)] : [] },
  );
}

export const keysNotInVersion: Check = (ctx) => {
  const findings: Finding[] = [];
  const entries = ctx.job.entries;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as ConfigEntry;
    // A key the platform sets itself (an operator's default or a field's consequence) is not the user's to move.
    if (entry.implied) continue;
    const since = keySince(entry.key);
    if (since === undefined || compareVersions(ctx.version, since) >= 0) continue;
    findings.push(
      finding(
        'key-not-in-version',
        `\`${entry.writtenAs ?? entry.key}\` arrived in Spark ${since}; this job runs Spark ${ctx.version}, which ignores it.`,
        entry.keyRange,
      ),
    );
  }
  return findings;
};

/** The version a key (or a volume type and option) first appeared in. */
export function keySince(key: string): string | undefined {
  const split = splitVolumeKey(key);
  if (split) {
    const spec = volumeTypeSpec(split.type);
    if (!spec) return undefined;
    const suffix = suffixSince(spec, split.suffix);
    if (suffix === undefined) return undefined;
    return compareVersions(spec.since, suffix) > 0 ? spec.since : suffix;
  }
  const info = lookupKey(key);
  // A key of another project (Celeborn, EMR) has that project's releases, not Spark's.
  return info?.provider ? undefined : info?.since;
}

export const duplicateKeys: Check = (ctx) => {
  const findings: Finding[] = [];
  // The context's grouping (keys in order of first appearance), rather than grouping every entry again here.
  for (const [key, list] of ctx.repeatedKeys()) {
    // Two template actions in key position (say in two `range` blocks) spell the same text, not the same key.
    if (list.some((entry) => entry.templated === 'key')) continue;
    const winner = pickWinner(list);
    if (!winner) continue;
    const where = `line ${ctx.lineOf(winner.keyRange.start)}`;
    for (const loser of list) {
      if (loser === winner) continue;
      // `{{ if }} key a {{ else }} key b {{ end }}`: Helm renders one of the two.
      if (exclusiveBranches(loser.templateBranch, winner.templateBranch)) continue;
      const same = loser.value.trim() === winner.value.trim();
      const why = precedence(winner, loser);
      const message = same
        ? `\`${key}\` is set again on ${where} to the same value; this one is redundant.`
        : `\`${key}\` is set twice: this value (${loser.value}) is ignored and ${winner.value} from ${where} is used, ${why}.`;
      findings.push(
        finding('duplicate-key', message, loser.keyRange, {
          severity: same ? 'hint' : undefined,
          tags: ['unnecessary'],
          related: [{ message: `The value Spark uses for ${key}`, range: winner.keyRange }],
        }),
      );
    }
  }
  return findings;
};

function describe(entry: ConfigEntry): string {
  switch (entry.origin) {
    case 'property':
      return 'a configuration property';
    case 'submit-conf':
      return 'a --conf in sparkSubmitParameters';
    case 'submit-flag':
      return `the ${entry.writtenAs ?? 'spark-submit'} flag`;
    case 'spark-conf':
      return 'a sparkConf entry';
    case 'operator-field':
      return `the operator field ${entry.writtenAs ?? ''}`.trimEnd();
    case 'conf-line':
      return 'a spark-defaults.conf line';
    case 'pyspark-config':
      return 'a .config() call';
    case 'operator-default':
      return "the operator's default";
  }
}

function precedence(winner: ConfigEntry, loser: ConfigEntry): string {
  if (winner.origin === loser.origin || winner.rank === loser.rank) {
    return winner.keyRange.start > loser.keyRange.start
      ? 'because the later setting wins'
      : 'because it takes precedence';
  }
  return `because ${describe(winner)} takes precedence over ${describe(loser)}`;
}

export const keyChecks: readonly Check[] = [unknownKeys, keysNotInVersion, duplicateKeys];

// Values read exactly as Spark reads them: parse errors, durations truncated to the key's unit, non-string values
// where EMR and sparkConf want strings, bare-number volume sizes.
import { lookupKey } from '../catalog';
import type { ByteUnit, KeyInfo, TimeUnit } from '../catalog/types';
import type { ConfigEntry } from '../model';
import {
  parseDuration,
  parseK8sQuantity,
  parseSize,
  parseSparkBoolean,
  parseSparkDouble,
  parseSparkInt,
} from '../values';
import { versionAtLeast } from '../version';
import type { RuleContext } from './context';
import { valueSpan } from './context';
import { setValueFix } from './fixes';
import { finding, type Check } from './report';
import type { Finding, FixData } from './types';
import {
  durationTruncation,
  fixBoolean,
  fixFractionalDuration,
  fixInt,
  fixQuantity,
  fixSize,
  roundUpDuration,
} from './value-fixes';
import { splitVolumeKey } from './volume-keys';

const CLASS_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const FAILS = 'Spark stops with an error when it reads this setting.';

type ValueKind =
  | { type: 'bool' | 'int' | 'double' | 'string' | 'class' | 'quantity' }
  | { type: 'duration'; unit: TimeUnit }
  | { type: 'size'; unit: ByteUnit }
  | { type: 'enum'; choices: string[] };

/** How Spark reads the value of a key, or undefined for keys we do not know. */
function kindOf(key: string): ValueKind | undefined {
  const split = splitVolumeKey(key);
  if (split) {
    if (split.suffix === 'options.sizeLimit') return { type: 'quantity' };
    if (split.suffix === 'mount.readOnly') return { type: 'bool' };
    return { type: 'string' };
  }
  const info: KeyInfo | undefined = lookupKey(key);
  if (!info) return undefined;
  switch (info.type) {
    case 'duration':
      return { type: 'duration', unit: (info.unit as TimeUnit | undefined) ?? 'ms' };
    case 'size':
      return { type: 'size', unit: (info.unit as ByteUnit | undefined) ?? 'b' };
    case 'enum':
      return { type: 'enum', choices: info.choices ?? [] };
    default:
      return { type: info.type };
  }
}

export const invalidValues: Check = (ctx) => {
  const findings: Finding[] = [];
  const entries = ctx.job.entries;
  // Indexed, like the other loops over every entry (see buildContext).
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as ConfigEntry;
    if (entry.dynamic) continue;
    // Helm renders a templated value: the text in the file is not what Spark reads.
    if (entry.templated !== undefined) continue;
    const kind = kindOf(entry.key);
    if (!kind) continue;
    const result = checkValue(ctx, entry, kind);
    if (result) findings.push(result);
  }
  return findings;
};

function invalid(entry: ConfigEntry, error: string, fix: string | undefined): Finding {
  const fixes: FixData[] = fix !== undefined && fix !== entry.value ? [setValueFix(entry, fix)] : [];
  return finding('invalid-value', `${error} ${FAILS}`, valueSpan(entry), { fixes });
}

function checkValue(ctx: RuleContext, entry: ConfigEntry, kind: ValueKind): Finding | undefined {
  const value = entry.value;
  switch (kind.type) {
    case 'bool': {
      const parsed = parseSparkBoolean(value);
      return parsed.ok ? undefined : invalid(entry, parsed.error, fixBoolean(value));
    }
    case 'int': {
      const parsed = parseSparkInt(value);
      return parsed.ok ? undefined : invalid(entry, parsed.error, fixInt(value));
    }
    case 'double': {
      const parsed = parseSparkDouble(value);
      return parsed.ok ? undefined : invalid(entry, parsed.error, undefined);
    }
    case 'duration': {
      const parsed = parseDuration(value, kind.unit);
      if (!parsed.ok) return invalid(entry, parsed.error, fixFractionalDuration(value, kind.unit));
      const truncation = durationTruncation(value, kind.unit);
      if (!truncation) return undefined;
      const up = roundUpDuration(value, kind.unit);
      const consequence = truncation.truncated === 0n ? ' Zero means no wait at all.' : '';
      return finding(
        'duration-truncated',
        `\`${value.trim()}\` is read as ${truncation.truncated}${kind.unit}: ${entry.key} counts whole ${unitWord(kind.unit)} and drops the rest.${consequence}`,
        valueSpan(entry),
        { fixes: up ? [setValueFix(entry, up, `Round up to ${up}`)] : [] },
      );
    }
    case 'size': {
      const parsed = parseSize(value, kind.unit, ctx.version);
      return parsed.ok ? undefined : invalid(entry, parsed.error, fixSize(value, kind.unit));
    }
    case 'quantity':
      return checkQuantity(ctx, entry);
    case 'class':
      return CLASS_NAME.test(value.trim())
        ? undefined
        : invalid(
            entry,
            `\`${value.trim()}\` is not a fully qualified Java class name.`,
            value.trim() !== value ? value.trim() : undefined,
          );
    case 'enum':
      if (kind.choices.length === 0 || kind.choices.includes(value.trim())) return undefined;
      return invalid(
        entry,
        `\`${value.trim()}\` is not one of ${kind.choices.join(', ')}.`,
        kind.choices.find((choice) => choice.toLowerCase() === value.trim().toLowerCase()),
      );
    case 'string':
      return undefined;
  }
}

function checkQuantity(ctx: RuleContext, entry: ConfigEntry): Finding | undefined {
  const value = entry.value.trim();
  if (/^\d+$/.test(value) && Number(value) < 1024) {
    const rejected = versionAtLeast(ctx.version, '4.0.0');
    const message = rejected
      ? `A size limit of ${value} is ${value} bytes; Spark ${ctx.version} rejects volume sizes under 1KiB without a unit. Did you mean ${value}Gi?`
      : `A size limit of ${value} is ${value} bytes, far too small for a volume. Did you mean ${value}Gi?`;
    return finding('volume-size-missing-unit', message, valueSpan(entry), {
      severity: rejected ? undefined : 'warning',
      fixes: [setValueFix(entry, `${value}Gi`)],
    });
  }
  const parsed = parseK8sQuantity(value);
  if (!parsed.ok) return invalid(entry, parsed.error, fixQuantity(value));
  if (parsed.note !== undefined && /^\d+(\.\d+)?m$/.test(value)) {
    return finding('invalid-value', parsed.note, valueSpan(entry), {
      severity: 'warning',
      fixes: [setValueFix(entry, fixQuantity(value) ?? value)],
    });
  }
  return undefined;
}

function unitWord(unit: TimeUnit): string {
  return { us: 'microseconds', ms: 'milliseconds', s: 'seconds', min: 'minutes', h: 'hours', d: 'days' }[unit];
}

export const nonStringValues: Check = (ctx) => {
  const findings: Finding[] = [];
  const entries = ctx.job.entries;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as ConfigEntry;
    if (!entry.nonStringValue || entry.dynamic) continue;
    if (entry.origin !== 'property' && entry.origin !== 'spark-conf') continue;
    const where = entry.origin === 'property' ? 'EMR configuration properties' : 'sparkConf of a SparkApplication';
    const canonical = parseSparkBoolean(entry.value).ok ? entry.value.trim().toLowerCase() : entry.value.trim();
    findings.push(
      finding(
        'non-string-value',
        `${where} take string values only; write ${JSON.stringify(canonical)} in quotes or the request is rejected.`,
        valueSpan(entry),
        {
          fixes: [setValueFix(entry, canonical, `Quote the value: ${JSON.stringify(canonical)}`)],
        },
      ),
    );
  }
  return findings;
};

export const valueChecks: readonly Check[] = [invalidValues, nonStringValues];

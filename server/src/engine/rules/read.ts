// Typed reads of a job's effective configuration, parsed the way Spark parses each key.
import type { SparkKey } from '../catalog/index';
import type { TimeUnit } from '../catalog/types';
import { parseDuration, parseSparkBoolean, parseSparkDouble, parseSparkInt } from '../values';
import type { RuleContext } from './context';

/** The effective boolean, or undefined when unset or unparsable. */
export function readBool(ctx: RuleContext, key: SparkKey): boolean | undefined {
  const value = ctx.get(key).value;
  if (value === undefined) return undefined;
  const parsed = parseSparkBoolean(value);
  return parsed.ok ? parsed.value : undefined;
}

export function readInt(ctx: RuleContext, key: SparkKey): number | undefined {
  const value = ctx.get(key).value;
  if (value === undefined) return undefined;
  const parsed = parseSparkInt(value);
  return parsed.ok ? parsed.value : undefined;
}

export function readDouble(ctx: RuleContext, key: SparkKey): number | undefined {
  const value = ctx.get(key).value;
  if (value === undefined) return undefined;
  const parsed = parseSparkDouble(value);
  return parsed.ok ? parsed.value : undefined;
}

/** The effective duration in the key's own unit (truncated as Spark does), or in `fallbackUnit` when the catalog has none. */
export function readDuration(ctx: RuleContext, key: SparkKey, fallbackUnit: TimeUnit): number | undefined {
  const effective = ctx.get(key);
  if (effective.value === undefined) return undefined;
  const unit = (effective.info?.unit as TimeUnit | undefined) ?? fallbackUnit;
  const parsed = parseDuration(effective.value, unit);
  return parsed.ok ? parsed.value : undefined;
}

/** The effective string value, trimmed. */
export function readString(ctx: RuleContext, key: SparkKey): string | undefined {
  return ctx.get(key).value?.trim();
}

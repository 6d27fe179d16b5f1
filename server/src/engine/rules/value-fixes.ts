// The nearest valid spelling of a value Spark rejects or misreads, for quick fixes.
import type { ByteUnit, TimeUnit } from '../catalog/types';
import { microsPerUnit } from '../values';
import { SUFFIX_MICROS } from '../values/duration';

const TIME_SUFFIX_MICROS: ReadonlyArray<readonly [string, bigint]> = [
  ['d', 86_400_000_000n],
  ['h', 3_600_000_000n],
  ['min', 60_000_000n],
  ['s', 1_000_000n],
  ['ms', 1_000n],
  ['us', 1n],
];

/** Writes a whole number of microseconds with the largest suffix that keeps it whole. */
export function formatMicros(micros: bigint): string {
  for (const [suffix, size] of TIME_SUFFIX_MICROS) if (micros % size === 0n) return `${micros / size}${suffix}`;
  return `${micros}us`;
}

/** `1.5s` → `1500ms`: a fractional duration rewritten in a smaller unit, when that comes out whole. */
export function fixFractionalDuration(text: string, unit: TimeUnit): string | undefined {
  const match = /^(\d*)\.(\d+)\s*([a-z]+)?$/i.exec(text.trim());
  if (!match) return undefined;
  const suffix = (match[3] ?? unit).toLowerCase();
  const size = SUFFIX_MICROS[suffix];
  if (size === undefined) return undefined;
  const decimals = match[2] ?? '';
  const scale = 10n ** BigInt(decimals.length);
  const numerator = BigInt(`${match[1] || '0'}${decimals}`) * size;
  if (numerator % scale !== 0n) return undefined;
  return formatMicros(numerator / scale);
}

/**
 * For a duration that truncates in `unit` (`500ms` on a seconds key), the smallest whole amount of `unit` that is at
 * least as long, written with the unit's suffix (`1s`). Undefined when the value does not truncate.
 */
export function roundUpDuration(text: string, unit: TimeUnit): string | undefined {
  const match = /^(\d+)([a-z]+)$/i.exec(text.trim());
  if (!match) return undefined;
  const size = SUFFIX_MICROS[(match[2] ?? '').toLowerCase()];
  if (size === undefined) return undefined;
  const micros = BigInt(match[1] ?? '0') * size;
  const per = microsPerUnit(unit);
  if (micros % per === 0n) return undefined;
  const whole = micros / per + 1n;
  return `${whole}${unit}`;
}

/** Whether a duration written with a suffix loses part of itself in `unit`, and what it becomes. */
export function durationTruncation(text: string, unit: TimeUnit): { truncated: bigint } | undefined {
  const match = /^(-?\d+)([a-z]+)$/i.exec(text.trim());
  if (!match) return undefined;
  const size = SUFFIX_MICROS[(match[2] ?? '').toLowerCase()];
  if (size === undefined) return undefined;
  const micros = BigInt(match[1] ?? '0') * size;
  const per = microsPerUnit(unit);
  if (micros % per === 0n) return undefined;
  return { truncated: micros / per };
}

const SIZE_LETTERS = ['b', 'k', 'm', 'g', 't', 'p'];

/** `1.5g` → `1536m`; `4Gi` → `4g` (before Spark 4.2). Undefined when nothing close is valid. */
export function fixSize(text: string, unit: ByteUnit): string | undefined {
  const trimmed = text.trim();
  const iec = /^(\d+)\s*([kmgtp])i(b)?$/i.exec(trimmed);
  if (iec) return `${iec[1]}${(iec[2] ?? '').toLowerCase()}`;
  const fraction = /^(\d*)\.(\d+)\s*([kmgtp])?(?:i?b)?$/i.exec(trimmed);
  if (!fraction) return undefined;
  const letter = (fraction[3] ?? unit).toLowerCase();
  let power = SIZE_LETTERS.indexOf(letter);
  if (power <= 0) return undefined;
  let value = Number(`${fraction[1] || '0'}.${fraction[2]}`);
  while (power > 0 && !Number.isInteger(value)) {
    value *= 1024;
    power--;
  }
  return Number.isInteger(value) ? `${value}${SIZE_LETTERS[power]}` : undefined;
}

/** `500gi` → `500Gi`, `500GB` → `500G`, `100m` → `100Mi`, and `1.5Gi` left alone (valid). */
export function fixQuantity(text: string): string | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]+)$/.exec(text.trim());
  if (!match) return undefined;
  const number = match[1] ?? '';
  const suffix = match[2] ?? '';
  const iec = /^([kmgtpe])i(b)?$/i.exec(suffix);
  if (iec) return `${number}${(iec[1] ?? '').toUpperCase()}i`;
  if (suffix === 'm') return `${number}Mi`;
  const decimal = /^([kmgtpe])b?$/i.exec(suffix);
  if (decimal) {
    const letter = (decimal[1] ?? '').toLowerCase();
    return `${number}${letter === 'k' ? 'k' : letter.toUpperCase()}`;
  }
  return undefined;
}

/** `yes`/`on`/`1` → `true`, `no`/`off`/`0` → `false`. */
export function fixBoolean(text: string): string | undefined {
  const lower = text.trim().toLowerCase();
  if (['yes', 'y', 'on', '1', 'enabled', 'enable'].includes(lower)) return 'true';
  if (['no', 'n', 'off', '0', 'disabled', 'disable'].includes(lower)) return 'false';
  return undefined;
}

/** `4.0` → `4`, `1e3` → `1000`, `"4 "` → `4`. */
export function fixInt(text: string): string | undefined {
  const number = Number(text.trim());
  if (!Number.isFinite(number) || !Number.isInteger(number) || text.trim() === '') return undefined;
  return String(number);
}

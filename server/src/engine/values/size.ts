// Spark byte strings: digits plus an optional binary-unit suffix, read into the key's unit.
import type { ByteUnit } from '../catalog/types';
import { compareVersions } from '../version';
import { fail, ok, show, type ParseResult } from './result';
import { LONG_MAX } from '../spark-constants';

const POWER: Readonly<Record<ByteUnit, number>> = { b: 0, k: 1, m: 2, g: 3, t: 4, p: 5 };

/** Suffixes every Spark version accepts, with the power of 1024 they stand for. */
const CLASSIC_SUFFIXES: Readonly<Record<string, number>> = {
  b: 0,
  k: 1,
  kb: 1,
  m: 2,
  mb: 2,
  g: 3,
  gb: 3,
  t: 4,
  tb: 4,
  p: 5,
  pb: 5,
};

/** `Ki`-style suffixes, accepted from Spark 4.2.0 (SPARK-55051). */
const IEC_SUFFIXES: Readonly<Record<string, number>> = {
  ki: 1,
  kib: 1,
  mi: 2,
  mib: 2,
  gi: 3,
  gib: 3,
  ti: 4,
  tib: 4,
  pi: 5,
  pib: 5,
};

export const IEC_SIZE_SUFFIXES_SINCE = '4.2.0';

/** How a byte unit is named in notes. */
export const BYTE_UNIT_NAME: Readonly<Record<ByteUnit, string>> = {
  b: 'bytes',
  k: 'KiB',
  m: 'MiB',
  g: 'GiB',
  t: 'TiB',
  p: 'PiB',
};

/** The classic suffix for a power of 1024 (`m` for 2). */
function classicSuffix(power: number): string {
  return ['b', 'k', 'm', 'g', 't', 'p'][power] ?? 'b';
}

/** A Spark byte string in `unit`; `Gi`-style suffixes are accepted only from Spark 4.2.0. */
export function parseSize(text: string, unit: ByteUnit, sparkVersion: string): ParseResult<number> {
  const lower = text.trim().toLowerCase();
  const match = /^(\d+)([a-z]+)?$/.exec(lower);
  if (!match) {
    const fraction = /^(\d+)\.(\d+)([a-z]+)?$/.exec(lower);
    if (fraction) return fail(fractionMessage(text, fraction[1] ?? '0', fraction[2] ?? '', fraction[3], unit));
    if (lower.startsWith('-')) return fail(`Sizes cannot be negative (${show(text)}).`);
    return fail(`${show(text)} is not a size; write a whole number with b, k, m, g, t or p, e.g. 4g.`);
  }
  const amount = BigInt(match[1] ?? '0');
  const suffix = match[2];
  let power: number;
  if (suffix === undefined) {
    power = POWER[unit];
  } else if (CLASSIC_SUFFIXES[suffix] !== undefined) {
    power = CLASSIC_SUFFIXES[suffix];
  } else if (IEC_SUFFIXES[suffix] !== undefined) {
    power = IEC_SUFFIXES[suffix];
    if (compareVersions(sparkVersion, IEC_SIZE_SUFFIXES_SINCE) < 0) {
      return fail(
        `The suffix \`${text.trim().replace(/^\d+/, '')}\` needs Spark ${IEC_SIZE_SUFFIXES_SINCE} or later; ` +
          `write ${amount}${classicSuffix(power)} instead.`,
      );
    }
  } else {
    return fail(`Unknown size suffix \`${suffix}\` in ${show(text)}; use b, k, m, g, t or p.`);
  }
  if (amount > LONG_MAX) return fail(`${show(text)} is too large for a size.`);
  const shift = power - POWER[unit];
  if (shift >= 0) {
    const value = amount * 1024n ** BigInt(shift);
    if (value > LONG_MAX) return fail(`${show(text)} is too large to express in ${BYTE_UNIT_NAME[unit]}.`);
    return ok(Number(value));
  }
  const divisor = 1024n ** BigInt(-shift);
  const value = amount / divisor;
  const note =
    amount % divisor === 0n
      ? undefined
      : `${text.trim()} is truncated to ${value}${unit}: this key counts whole ${BYTE_UNIT_NAME[unit]}.`;
  return ok(Number(value), note);
}

function fractionMessage(
  text: string,
  whole: string,
  decimals: string,
  suffix: string | undefined,
  unit: ByteUnit,
): string {
  const base = `Fractions are not allowed in sizes (${show(text)})`;
  const power = suffix === undefined ? POWER[unit] : (CLASSIC_SUFFIXES[suffix] ?? IEC_SUFFIXES[suffix]);
  if (power === undefined || power === 0) return `${base}.`;
  // Suggest the same amount in the next smaller unit when it comes out whole.
  const scaled = Number(`${whole}.${decimals}`) * 1024;
  if (Number.isInteger(scaled)) return `${base}; write ${scaled}${classicSuffix(power - 1)} instead.`;
  return `${base}; use a smaller unit.`;
}

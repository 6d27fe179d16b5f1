// Spark time strings: `-?digits` plus an optional suffix, read into the key's unit with truncation toward zero.
import type { TimeUnit } from '../catalog/types';
import { memoize } from '../memo';
import { fail, ok, show, type ParseResult } from './result';
import { LONG_MAX } from '../spark-constants';

/** Length of each suffix in microseconds. `m` and `min` both mean minutes. */
export const SUFFIX_MICROS: Readonly<Record<string, bigint>> = {
  us: 1n,
  ms: 1_000n,
  s: 1_000_000n,
  m: 60_000_000n,
  min: 60_000_000n,
  h: 3_600_000_000n,
  d: 86_400_000_000n,
};

const LONG_MIN = -9223372036854775808n;

/** How we write a unit after a number in notes. */
export const TIME_UNIT_LABEL: Readonly<Record<TimeUnit, string>> = {
  us: 'us',
  ms: 'ms',
  s: 's',
  min: 'min',
  h: 'h',
  d: 'd',
};

/** Microseconds in one `unit`. */
export function microsPerUnit(unit: TimeUnit): bigint {
  return SUFFIX_MICROS[unit] ?? 1n;
}

/** One remembering parser per unit (there are six units). */
const parsersByUnit = new Map<TimeUnit, (text: string) => ParseResult<number>>();

/** A Spark time string in `unit` (bare numbers are in `unit`), truncated toward zero as Spark does. */
export function parseDuration(text: string, unit: TimeUnit): ParseResult<number> {
  let parse = parsersByUnit.get(unit);
  if (parse === undefined) {
    parse = memoize((input) => readDuration(input, unit));
    parsersByUnit.set(unit, parse);
  }
  return parse(text);
}

function readDuration(text: string, unit: TimeUnit): ParseResult<number> {
  const lower = text.trim().toLowerCase();
  const match = /^(-?\d+)([a-z]+)?$/.exec(lower);
  if (!match) {
    if (/^-?\d*\.\d+[a-z]*$/.test(lower)) {
      return fail(
        `Fractions are not allowed in durations (${show(text)}); use a smaller unit, e.g. 1500ms instead of 1.5s.`,
      );
    }
    return fail(`${show(text)} is not a duration; write a whole number with us, ms, s, m/min, h or d, e.g. 60s.`);
  }
  const digits = match[1] ?? '0';
  const suffix = match[2];
  const amount = BigInt(digits);
  if (amount > LONG_MAX || amount < LONG_MIN) return fail(`${show(text)} is too large for a duration.`);
  if (suffix === undefined) return ok(Number(amount));
  const from = SUFFIX_MICROS[suffix];
  if (from === undefined) {
    return fail(`Unknown time suffix \`${suffix}\` in ${show(text)}; use us, ms, s, m/min, h or d.`);
  }
  const to = microsPerUnit(unit);
  let converted = (amount * from) / to; // BigInt division truncates toward zero, as Spark does
  let note: string | undefined;
  if (converted > LONG_MAX || converted < LONG_MIN) {
    converted = converted > 0n ? LONG_MAX : LONG_MIN;
    note = `${text.trim()} is too long for this key; Spark caps it at ${converted}${TIME_UNIT_LABEL[unit]}.`;
  } else if ((amount * from) % to !== 0n) {
    note = `${text.trim()} is truncated to ${converted}${TIME_UNIT_LABEL[unit]}: this key counts whole ${unitWord(unit)}.`;
  }
  return ok(Number(converted), note);
}

function unitWord(unit: TimeUnit): string {
  switch (unit) {
    case 'us':
      return 'microseconds';
    case 'ms':
      return 'milliseconds';
    case 's':
      return 'seconds';
    case 'min':
      return 'minutes';
    case 'h':
      return 'hours';
    case 'd':
      return 'days';
  }
}

// Booleans, 32-bit integers and doubles, read as Spark's typed config entries read them (the text is trimmed first).
import { memoize } from '../memo';
import { fail, ok, show, type ParseResult } from './result';
import { INT_MAX } from '../spark-constants';

const INT_MIN = -2147483648;

/** `true` / `false` in any letter case. Anything else (`yes`, `1`, `on`) is an error in Spark. */
export function parseSparkBoolean(text: string): ParseResult<boolean> {
  const lower = text.trim().toLowerCase();
  if (lower === 'true') return ok(true);
  if (lower === 'false') return ok(false);
  return fail(`Expected true or false, got ${show(text)}.`);
}

/** An optional sign and decimal digits, within the 32-bit range. */
export const parseSparkInt: (text: string) => ParseResult<number> = memoize(readSparkInt);

function readSparkInt(text: string): ParseResult<number> {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) {
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) {
      return fail(`Expected a whole number without a fraction or exponent, got ${show(text)}.`);
    }
    return fail(`Expected a whole number, got ${show(text)}.`);
  }
  const big = BigInt(trimmed);
  if (big < BigInt(INT_MIN) || big > BigInt(INT_MAX)) {
    return fail(`${show(text)} is outside the range of a 32-bit integer (${INT_MIN} to ${INT_MAX}).`);
  }
  return ok(Number(big));
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?$/;
const SPECIAL = /^([+-]?)(NaN|Infinity)$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]+\.?|[0-9a-fA-F]*\.[0-9a-fA-F]+)[pP]([+-]?\d+)[fFdD]?$/;

/** Java's floating-point syntax: `0.5`, `1e3`, `2d`, `NaN`, `Infinity`, hexadecimal `0x1p3`. */
export function parseSparkDouble(text: string): ParseResult<number> {
  const trimmed = text.trim();
  if (DECIMAL.test(trimmed)) return ok(Number(trimmed.replace(/[fFdD]$/, '')));
  const special = SPECIAL.exec(trimmed);
  if (special) {
    const magnitude = special[2] === 'NaN' ? NaN : Infinity;
    return ok(special[1] === '-' ? -magnitude : magnitude);
  }
  const hex = HEX.exec(trimmed);
  if (hex) {
    const [whole = '', fraction = ''] = (hex[2] ?? '').split('.');
    let mantissa = whole === '' ? 0 : parseInt(whole, 16);
    for (let i = 0; i < fraction.length; i++) mantissa += parseInt(fraction.charAt(i), 16) / 16 ** (i + 1);
    const value = mantissa * 2 ** Number(hex[3]);
    return ok(hex[1] === '-' ? -value : value);
  }
  return fail(`Expected a number such as 0.5, got ${show(text)}.`);
}

// Kubernetes resource quantities (`500Gi`, `1.5T`, `1e9`, `100M`), as used by volume `options.sizeLimit`.
import { fail, ok, show, type ParseResult } from './result';

const BINARY: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL: Readonly<Record<string, number>> = {
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E))?$/;

/** A Kubernetes resource quantity (`500Gi`, `1.5T`, `1e9`) in bytes. Fractional bytes are rounded up, as Kubernetes does. */
export function parseK8sQuantity(text: string): ParseResult<number> {
  const trimmed = text.trim();
  const match = QUANTITY.exec(trimmed);
  if (!match) {
    const lowerIec = /^[+-]?[\d.]+(ki|mi|gi|ti|pi|ei|kb|mb|gb|tb|KB|MB|GB|TB|K|Kb|Mb|Gb|Tb)$/.exec(trimmed);
    if (lowerIec) {
      return fail(`${show(text)} is not a Kubernetes quantity; suffixes are case-sensitive, e.g. 500Gi or 500G.`);
    }
    return fail(`${show(text)} is not a Kubernetes quantity; write e.g. 500Gi, 100G or 1e9.`);
  }
  const number = Number(match[1]);
  let bytes: number;
  if (match[2] !== undefined) bytes = number * 10 ** Number(match[2].slice(1));
  else if (match[3] !== undefined) bytes = number * (BINARY[match[3]] ?? DECIMAL[match[3]] ?? 1);
  else bytes = number;
  const rounded = Math.ceil(bytes);
  if (match[3] === 'm') {
    return ok(rounded, `\`m\` means thousandths, so ${trimmed} is ${rounded} byte(s); did you mean ${match[1]}Mi?`);
  }
  if (rounded !== bytes)
    return ok(rounded, `${trimmed} is not a whole number of bytes; Kubernetes rounds it up to ${rounded}.`);
  return ok(bytes);
}

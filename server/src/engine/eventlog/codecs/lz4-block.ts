// One raw LZ4 block (the format inside each LZ4Block frame), decoded into an output of known size. Every length and
// offset is checked against the input and output bounds, so damaged data fails fast instead of running wild.
import { CodecError } from './types';

function fail(what: string): never {
  throw new CodecError(`damaged lz4 block (${what})`);
}

/** Decodes `src` into `dst`, which must come out exactly full. */
export function decodeLz4Block(src: Uint8Array, dst: Uint8Array): void {
  let s = 0;
  let d = 0;
  const sEnd = src.length;
  const dEnd = dst.length;
  while (s < sEnd) {
    const token = src[s++];
    let literals = token >>> 4;
    if (literals === 15) {
      let b: number;
      do {
        if (s >= sEnd) fail('literal length runs past the block');
        b = src[s++];
        literals += b;
      } while (b === 255);
    }
    if (s + literals > sEnd || d + literals > dEnd) fail('literals run past the block');
    dst.set(src.subarray(s, s + literals), d);
    s += literals;
    d += literals;
    if (s === sEnd) break; // the last sequence holds literals only
    if (s + 2 > sEnd) fail('match offset runs past the block');
    const offset = src[s] | (src[s + 1] << 8);
    s += 2;
    if (offset === 0 || offset > d) fail('match offset points before the start');
    let match = (token & 15) + 4;
    if ((token & 15) === 15) {
      let b: number;
      do {
        if (s >= sEnd) fail('match length runs past the block');
        b = src[s++];
        match += b;
      } while (b === 255);
    }
    if (d + match > dEnd) fail('match runs past the decompressed size');
    let from = d - offset;
    if (offset >= match) {
      dst.copyWithin(d, from, from + match);
      d += match;
    } else {
      // Overlapping copy (a repeated pattern): byte by byte, as the format means.
      for (const end = d + match; d < end;) dst[d++] = dst[from++];
    }
  }
  if (d !== dEnd) fail(`gave ${d} bytes where the header announced ${dEnd}`);
}

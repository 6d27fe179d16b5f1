// UTF-8 bytes that arrive in pieces → text, with a character split across two pieces kept whole. Node's Buffer
// decoder is used rather than TextDecoder: on event logs (mostly ASCII) it is 2–5× faster, and it replaces invalid
// bytes with U+FFFD in the same way. A piece of up to 512 KiB of pure ASCII (nearly every piece the decoder thread
// sends) is read as Latin-1, which gives the same text for those bytes about twice as fast again (the check for ASCII
// costs a twentieth of that).
import { Buffer, isAscii } from 'node:buffer';

/**
 * The longest piece read as Latin-1. Node gives longer Latin-1 text (about a million bytes and more) as an external
 * string, which V8 counts as external memory: a log read in 1 MiB pieces that way set off a full garbage collection
 * every few dozen pieces (measured: 20–50 instead of 4–6 on a 700 MB log), costly once the replay holds a million
 * tasks. Reading such pieces in parts and joining them costs as much as the UTF-8 decoder, which they are left to.
 */
const LATIN1_MAX = 512 * 1024;

/** UTF-8 bytes that hold only whole characters → text. */
export function decodeWholeUtf8(bytes: Uint8Array): string {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return view.length <= LATIN1_MAX && isAscii(view) ? view.toString('latin1') : view.toString('utf8');
}

/** How many leading bytes of `b` hold only whole characters (a trailing unfinished sequence is left out). */
export function wholeCharsLength(b: Uint8Array): number {
  for (let i = b.length - 1, back = 1; i >= 0 && back <= 4; i--, back++) {
    const c = b[i];
    if (c < 0x80) return b.length;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return back >= need ? b.length : i;
    }
  }
  return b.length;
}

export class Utf8Pieces {
  private pending = new Uint8Array(0);

  decode(piece: Uint8Array): string {
    let bytes = piece;
    if (this.pending.length > 0) {
      bytes = new Uint8Array(this.pending.length + piece.length);
      bytes.set(this.pending);
      bytes.set(piece, this.pending.length);
    }
    const whole = wholeCharsLength(bytes);
    this.pending = whole < bytes.length ? bytes.slice(whole) : new Uint8Array(0);
    return decodeWholeUtf8(bytes.subarray(0, whole));
  }

  /** What is left at the end (an unfinished character becomes U+FFFD). */
  end(): string {
    const rest = this.pending;
    this.pending = new Uint8Array(0);
    return rest.length === 0 ? '' : Buffer.from(rest.buffer, rest.byteOffset, rest.length).toString('utf8');
  }
}

// Bytes of one event-log file, whole in memory → text, for every codec Spark writes (see codecs/choose.ts for how the
// codec is chosen). readEventLog streams files instead (part-stream.ts); this is for logs already in memory.
import { chooseCodec, codecSuffix, decoderFor, sniffCodec } from './codecs/choose';
import { CodecError } from './codecs/types';
import { decodeWholeUtf8 } from './utf8-pieces';

export type DecodeResult = { ok: true; text: string } | { ok: false; error: string };

/** The codec suffix of a file name: "zstd", "lz4", … or "" for none (".inprogress" and ".compact" are ignored). */
export function codecOf(name: string): string {
  return codecSuffix(name);
}

/** True when decodeEventLogBytes would decompress these bytes as zstd (rather than another codec or plain text). */
export function isZstdPayload(bytes: Uint8Array, name: string): boolean {
  const choice = chooseCodec(name, bytes.subarray(0, 8));
  return choice.ok && choice.codec === 'zstd' && sniffCodec(bytes) === 'zstd';
}

export function decodeEventLogBytes(bytes: Uint8Array, name: string): DecodeResult {
  const choice = chooseCodec(name, bytes.subarray(0, 8));
  if (!choice.ok) return choice;
  if (choice.codec === 'plain') return { ok: true, text: toText(bytes) };
  const blocks: Uint8Array[] = [];
  let total = 0;
  const keep = (out: Uint8Array): void => {
    blocks.push(out.slice());
    total += out.length;
  };
  try {
    const decoder = decoderFor(choice.codec);
    decoder.push(bytes, keep);
    decoder.end(keep);
  } catch (err) {
    if (!(err instanceof CodecError)) throw err;
    return { ok: false, error: `${name}: ${err.message}${err.truncated ? '; the file may be truncated' : ''}` };
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const block of blocks) {
    out.set(block, at);
    at += block.length;
  }
  return { ok: true, text: toText(out) };
}

function toText(bytes: Uint8Array): string {
  return stripBom(new TextDecoder('utf-8').decode(bytes));
}

/** The decoder drops one leading byte-order mark; a second one (written by some tools) goes too. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Decodes one file's bytes given in pieces that each end just after a newline byte (except the last), giving the same
 * text as toText of the whole: a newline byte never belongs to a multi-byte sequence, so no character is split.
 */
export class LinePiecesDecoder {
  private first = true;

  decode(piece: Uint8Array): string {
    if (!this.first) return decodeWholeUtf8(piece);
    this.first = false;
    return toText(piece);
  }
}

// Which codec a log file uses: its name says (Spark appends .lz4, .snappy, .lzf, .zstd; others use .zst) and its first
// bytes confirm. Data whose magic bytes show a codec is read with it whatever the name says; a name that promises a
// codec the data does not start with, and formats Spark never writes (gzip, zip inside a log), are errors.
import { Lz4BlockStreamDecoder, LZ4_BLOCK_MAGIC } from './lz4-stream';
import { LzfStreamDecoder, LZF_MAGIC } from './lzf-stream';
import { SnappyJavaStreamDecoder, SNAPPY_JAVA_MAGIC } from './snappy-stream';
import type { CodecName, StreamDecoder } from './types';
import { FzstdStreamDecoder } from './zstd-stream';
import { zstdWasmNow } from './zstd-wasm';
import { WasmZstdStreamDecoder } from './zstd-wasm-stream';
import { ZSTD_MAGIC } from './zstd-window';

/** How many leading bytes `chooseCodec` wants to see (fewer only when the file is shorter). */
export const SNIFF_BYTES = 8;

const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The codec suffix of a file name ("zstd", "zst", "lz4", "snappy", "lzf", "gz") or "" for none. */
export function codecSuffix(name: string): string {
  const base = name.replace(/(\.inprogress|\.compact)+$/i, '');
  const m = /\.(zstd|zst|lz4|snappy|lzf|gz)$/i.exec(base);
  return m ? m[1].toLowerCase() : '';
}

function codecOfSuffix(suffix: string): CodecName | 'gzip' | undefined {
  switch (suffix) {
    case 'zstd':
    case 'zst':
      return 'zstd';
    case 'lz4':
    case 'snappy':
    case 'lzf':
      return suffix;
    case 'gz':
      return 'gzip';
    default:
      return undefined;
  }
}

/** The codec the data's first bytes show, if any. */
export function sniffCodec(head: Uint8Array): CodecName | 'gzip' | 'zip' | undefined {
  if (startsWith(head, ZSTD_MAGIC)) return 'zstd';
  if (startsWith(head, LZ4_BLOCK_MAGIC)) return 'lz4';
  if (startsWith(head, SNAPPY_JAVA_MAGIC)) return 'snappy';
  // "ZV" then a chunk type of 0 or 1: plain text never starts like that.
  if (startsWith(head, LZF_MAGIC) && head.length >= 3 && head[2] <= 1) return 'lzf';
  if (startsWith(head, GZIP_MAGIC)) return 'gzip';
  if (startsWith(head, ZIP_MAGIC)) return 'zip';
  return undefined;
}

export type CodecChoice = { ok: true; codec: CodecName } | { ok: false; error: string };

/** The codec of the file `name` whose data starts with `head` (at least SNIFF_BYTES bytes unless the file is shorter). */
export function chooseCodec(name: string, head: Uint8Array): CodecChoice {
  const byName = codecOfSuffix(codecSuffix(name));
  const byContent = sniffCodec(head);
  if (byContent === 'gzip' || (byName === 'gzip' && byContent === undefined)) {
    return { ok: false, error: `${name}: gzip-compressed; Spark does not write gzip event logs (decompress it first)` };
  }
  if (byContent === 'zip') {
    return {
      ok: false,
      error: `${name}: a zip archive inside the log; give the .zip itself, not a file taken from it`,
    };
  }
  if (byContent !== undefined) return { ok: true, codec: byContent };
  if (byName !== undefined) {
    if (head.length === 0) return { ok: false, error: `${name}: the file is empty` };
    return { ok: false, error: `${name}: named as ${byName} but the data is not a ${byName} stream` };
  }
  return { ok: true, codec: 'plain' };
}

/** Passes bytes through unchanged. */
class PlainDecoder implements StreamDecoder {
  push(chunk: Uint8Array, emit: (out: Uint8Array) => void): void {
    if (chunk.length > 0) emit(chunk);
  }
  end(): void {}
}

/**
 * A decoder for `codec`. Zstd uses libzstd (WebAssembly) once `loadZstdWasm` has loaded it in this thread, fzstd
 * before that. Throws CodecError when the decoder cannot start.
 */
export function decoderFor(codec: CodecName): StreamDecoder {
  switch (codec) {
    case 'zstd': {
      const wasm = zstdWasmNow();
      return wasm ? new WasmZstdStreamDecoder(wasm) : new FzstdStreamDecoder();
    }
    case 'lz4':
      return new Lz4BlockStreamDecoder();
    case 'snappy':
      return new SnappyJavaStreamDecoder();
    case 'lzf':
      return new LzfStreamDecoder();
    case 'plain':
      return new PlainDecoder();
  }
}

// Bytes of one event-log file → text. Plain and zstd files are read; Spark's other codecs are refused clearly.
// The codec is chosen from the file name (a trailing ".inprogress" is ignored) and confirmed by the data's magic bytes.
import { zstdDecompress } from './zstd';

export type DecodeResult = { ok: true; text: string } | { ok: false; error: string };

const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
// Spark's lz4 codec writes LZ4BlockOutputStream blocks, which start with "LZ4Block".
const LZ4_BLOCK_MAGIC = [0x4c, 0x5a, 0x34, 0x42, 0x6c, 0x6f, 0x63, 0x6b];
// Spark's snappy codec (snappy-java's SnappyOutputStream) starts with 0x82 "SNAPPY" 0x00.
const SNAPPY_MAGIC = [0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00];
const GZIP_MAGIC = [0x1f, 0x8b];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** The codec suffix of a file name: "zstd", "lz4", … or "" for none. */
export function codecOf(name: string): string {
  const base = name.replace(/\.inprogress$/, '');
  const m = /\.(zstd|zst|lz4|snappy|lzf|gz)$/i.exec(base);
  return m ? m[1].toLowerCase() : '';
}

function unsupported(name: string, codec: string): DecodeResult {
  return {
    ok: false,
    error:
      `${name}: ${codec}-compressed event logs are not supported; only plain and zstd logs can be read ` +
      `(decompress it first, or write logs with spark.eventLog.compression.codec=zstd)`,
  };
}

/** True when decodeEventLogBytes would decompress these bytes as zstd (rather than refuse them or read them as text). */
export function isZstdPayload(bytes: Uint8Array, name: string): boolean {
  const codec = codecOf(name);
  return !['lz4', 'snappy', 'lzf', 'gz'].includes(codec) && startsWith(bytes, ZSTD_MAGIC);
}

export function decodeEventLogBytes(bytes: Uint8Array, name: string): DecodeResult {
  const codec = codecOf(name);
  const isZstd = startsWith(bytes, ZSTD_MAGIC);
  if (codec === 'lz4' || startsWith(bytes, LZ4_BLOCK_MAGIC)) return unsupported(name, 'lz4');
  if (codec === 'snappy' || startsWith(bytes, SNAPPY_MAGIC)) return unsupported(name, 'snappy');
  if (codec === 'lzf') return unsupported(name, 'lzf');
  if (codec === 'gz' || startsWith(bytes, GZIP_MAGIC)) return unsupported(name, 'gzip');
  if (codec === 'zstd' || codec === 'zst' || isZstd) {
    if (bytes.length === 0) return { ok: false, error: `${name}: the file is empty` };
    if (!isZstd) return { ok: false, error: `${name}: named as zstd but the data is not a zstd stream` };
    let raw: Uint8Array;
    try {
      raw = zstdDecompress(bytes);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return {
        ok: false,
        error: `${name}: not a complete zstd stream (${detail}); the file may be truncated or damaged`,
      };
    }
    return { ok: true, text: toText(raw) };
  }
  return { ok: true, text: toText(bytes) };
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
  private readonly rest = new TextDecoder('utf-8', { ignoreBOM: true });

  decode(piece: Uint8Array): string {
    if (!this.first) return this.rest.decode(piece);
    this.first = false;
    return toText(piece);
  }
}

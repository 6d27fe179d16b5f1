// One file of a log, read in pieces: the codec is chosen from its name and first bytes, the pieces are decompressed
// as they arrive, guarded against decompression bombs, and handed on as text. The caller pulls the next piece only
// when it has parsed the text of the previous one, so memory stays flat whatever the size of the log.
import { chooseCodec, decoderFor, SNIFF_BYTES } from './codecs/choose';
import { CodecError } from './codecs/types';
import { loadZstdWasm } from './codecs/zstd-wasm';
import type { CodecName } from './codecs/types';
import { EVENTLOG_LIMITS, formatBytes, formatCount } from './limits';
import { Utf8Pieces } from './utf8-pieces';

/** One file of a log: a single log file, a part of a rolled log, or an entry of a zip. */
export interface LogPart {
  /** Shown in messages. */
  name: string;
  /** The file's bytes, in pieces, in order (read lazily). */
  open(): AsyncIterable<Uint8Array>;
}

export type PartOutcome =
  { ok: true; codec: CodecName | undefined; warnings: string[]; stopped: boolean } | { ok: false; error: string };

export interface PartReading {
  /** Receives the decoded text, in order. */
  onText(text: string): void;
  /** Asked after each piece: true stops reading (the parser already failed). */
  shouldStop(): boolean;
  /** A stream that stops inside a block is a warning rather than an error (a log still being written). */
  mayEndEarly: boolean;
}

/** Refuses output that grows far beyond the compressed input (see EVENTLOG_LIMITS). */
class ExpansionGuard {
  private input = 0;
  private output = 0;

  constructor(private readonly name: string) {}

  read(n: number): void {
    this.input += n;
  }

  wrote(n: number): void {
    this.output += n;
    const { expansionFloorBytes, maxExpansionRatio } = EVENTLOG_LIMITS;
    if (this.output > expansionFloorBytes && this.output > maxExpansionRatio * this.input) {
      throw new CodecError(
        `${this.name}: refused as a likely decompression bomb: ${formatBytes(this.input)} of compressed data ` +
          `already gave ${formatBytes(this.output)} (more than ${formatCount(maxExpansionRatio)}× its size)`,
      );
    }
  }
}

/** Decoded bytes → text; a leading byte-order mark (one or two) is dropped. */
class TextOut {
  private readonly decoder = new Utf8Pieces();
  private first = true;

  constructor(private readonly onText: (text: string) => void) {}

  bytes(out: Uint8Array): void {
    this.text(this.decoder.decode(out));
  }

  end(): void {
    this.text(this.decoder.end());
  }

  private text(text: string): void {
    if (text.length === 0) return;
    if (this.first) {
      this.first = false;
      let start = 0;
      while (start < 2 && text.charCodeAt(start) === 0xfeff) start++;
      text = text.slice(start);
      if (text.length === 0) return;
    }
    this.onText(text);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function streamPart(part: LogPart, reading: PartReading): Promise<PartOutcome> {
  const warnings: string[] = [];
  const guard = new ExpansionGuard(part.name);
  const text = new TextOut((t) => reading.onText(t));
  /** The first bytes, held until there are enough to choose the codec. */
  let head: Uint8Array = new Uint8Array(0);
  let decoder: ReturnType<typeof decoderFor> | undefined;
  let codec: CodecName | undefined;
  const emit = (out: Uint8Array): void => {
    if (codec !== 'plain') guard.wrote(out.length);
    text.bytes(out);
  };
  /** Chooses the codec once enough bytes are in and decodes them; an error message when the file cannot be read. */
  const start = async (bytes: Uint8Array): Promise<string | undefined> => {
    const choice = chooseCodec(part.name, bytes);
    if (!choice.ok) return choice.error;
    codec = choice.codec;
    if (codec === 'zstd') await loadZstdWasm();
    decoder = decoderFor(codec);
    guard.read(bytes.length);
    decoder.push(bytes, emit);
    return undefined;
  };
  try {
    try {
      for await (const chunk of part.open()) {
        if (decoder) {
          guard.read(chunk.length);
          decoder.push(chunk, emit);
        } else {
          const joined: Uint8Array = new Uint8Array(head.length + chunk.length);
          joined.set(head);
          joined.set(chunk, head.length);
          head = joined;
          if (head.length < SNIFF_BYTES) continue;
          const error = await start(head);
          if (error !== undefined) return { ok: false, error };
        }
        if (reading.shouldStop()) return { ok: true, codec, warnings, stopped: true };
      }
    } catch (err) {
      if (err instanceof CodecError) throw err;
      return { ok: false, error: `cannot read ${part.name}: ${describe(err)}` };
    }
    if (!decoder) {
      const error = await start(head);
      if (error !== undefined) return { ok: false, error };
    }
    try {
      decoder?.end(emit);
    } catch (err) {
      if (!(err instanceof CodecError && err.truncated && reading.mayEndEarly)) throw err;
      warnings.push(`${part.name}: ${err.message}; the events before it are read (the log is still being written)`);
    }
    text.end();
    return { ok: true, codec, warnings, stopped: false };
  } catch (err) {
    if (!(err instanceof CodecError)) throw err;
    const message = err.message.startsWith(`${part.name}: `) ? err.message : `${part.name}: ${err.message}`;
    const hint = err.truncated ? '; the file may be truncated' : '';
    return { ok: false, error: message + hint };
  }
}

// What every event-log codec reader offers: compressed bytes in, in pieces of any size; decompressed bytes out.

export type CodecName = 'plain' | 'zstd' | 'lz4' | 'snappy' | 'lzf';

/** Damaged or incomplete compressed data. `truncated`: the data was fine but stopped in the middle of a block. */
export class CodecError extends Error {
  constructor(
    message: string,
    readonly truncated = false,
  ) {
    super(message);
  }
}

export interface StreamDecoder {
  /** Decodes the next piece of the file, handing each decompressed run of bytes to `emit`. Throws CodecError. */
  push(chunk: Uint8Array, emit: (out: Uint8Array) => void): void;
  /** The file ended: throws CodecError (truncated) when it stopped inside a block or before the stream's end mark. */
  end(emit: (out: Uint8Array) => void): void;
}

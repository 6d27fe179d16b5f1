// The part of snappyjs (raw Snappy block decoding) this project uses; the package ships no types.
declare module 'snappyjs' {
  /** Decodes one raw Snappy block; throws when it is damaged or would exceed `maxLength` bytes. */
  export function uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
}

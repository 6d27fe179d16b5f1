// Zstd decompression, block by block. Decoding in this thread and in the decoder thread (decoder-worker.ts) both use
// this one function, so they accept and refuse exactly the same data and give exactly the same bytes.
import { Decompress } from 'fzstd';

/**
 * Decompresses a whole zstd file (one or more frames), calling `onBlock` with each decompressed block in order.
 * Throws when the data is damaged or ends early. Each block is a new array, which fzstd reads again after the callback
 * (for its window): the callback may keep it, but must not change it or transfer its buffer.
 */
export function zstdBlocks(bytes: Uint8Array, onBlock: (block: Uint8Array) => void): void {
  const stream = new Decompress((block) => {
    if (block.length > 0) onBlock(block);
  });
  stream.push(bytes, true);
}

/** The whole decompressed content. */
export function zstdDecompress(bytes: Uint8Array): Uint8Array {
  const blocks: Uint8Array[] = [];
  let total = 0;
  zstdBlocks(bytes, (block) => {
    blocks.push(block);
    total += block.length;
  });
  if (blocks.length === 1) return blocks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const block of blocks) {
    out.set(block, at);
    at += block.length;
  }
  return out;
}

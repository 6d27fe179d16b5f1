// Hostile inputs built on the fly: a zstd frame of RLE blocks (4 bytes each, 128 KiB of one byte when decoded).
const BLOCK = 128 * 1024;

/** A zstd frame of `blocks` RLE blocks of `byte`: about 4 bytes in, 128 KiB out per block. */
export function zstdRleBomb(blocks: number, byte: number): Uint8Array {
  const out = new Uint8Array(6 + blocks * 4);
  out.set([0x28, 0xb5, 0x2f, 0xfd, 0x00, (17 - 10) << 3]); // magic; no content size; a 128 KiB window
  for (let i = 0; i < blocks; i++) {
    const last = i === blocks - 1 ? 1 : 0;
    const header = BLOCK * 8 + (1 << 1) + last; // size << 3 | type RLE << 1 | last
    const at = 6 + i * 4;
    out[at] = header & 0xff;
    out[at + 1] = (header >>> 8) & 0xff;
    out[at + 2] = (header >>> 16) & 0xff;
    out[at + 3] = byte;
  }
  return out;
}

/** 1 MiB of compressed data that would decompress to 32 GiB. */
export const BOMB_BLOCKS = (32 * 1024 * 1024 * 1024) / BLOCK;

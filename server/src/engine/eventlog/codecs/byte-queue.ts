// Bytes that arrive in pieces, read back as whole frames: the block readers wait until a block is complete.

export class ByteQueue {
  private buf = new Uint8Array(0);
  private start = 0;
  private end = 0;
  /** Bytes taken so far (the offset of the next unread byte in the file), for messages. */
  consumed = 0;

  get length(): number {
    return this.end - this.start;
  }

  append(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.end + chunk.length > this.buf.length) {
      const live = this.length;
      if (live + chunk.length <= this.buf.length) {
        this.buf.copyWithin(0, this.start, this.end);
      } else {
        const next = new Uint8Array(Math.max(live + chunk.length, this.buf.length * 2));
        next.set(this.buf.subarray(this.start, this.end));
        this.buf = next;
      }
      this.start = 0;
      this.end = live;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }

  /** The byte `i` places after the read position. */
  at(i: number): number {
    return this.buf[this.start + i];
  }

  /** A view of the next `n` bytes without consuming them (valid until the next append). */
  peek(n: number): Uint8Array {
    return this.buf.subarray(this.start, this.start + n);
  }

  skip(n: number): void {
    this.start += n;
    this.consumed += n;
    if (this.start === this.end) this.start = this.end = 0;
  }

  /** The next `n` bytes, consumed (a view, valid until the next append). */
  take(n: number): Uint8Array {
    const out = this.peek(n);
    this.skip(n);
    return out;
  }

  readIntLE(i: number): number {
    const b = this.start + i;
    return (this.buf[b] | (this.buf[b + 1] << 8) | (this.buf[b + 2] << 16) | (this.buf[b + 3] << 24)) >>> 0;
  }

  readIntBE(i: number): number {
    const b = this.start + i;
    return ((this.buf[b] << 24) | (this.buf[b + 1] << 16) | (this.buf[b + 2] << 8) | this.buf[b + 3]) >>> 0;
  }
}

// Binary min-heaps for the simulation's event queues. Ties break on insertion order, so runs are deterministic.

/** A heap of items ordered by (time, insertion sequence). */
export class EventHeap<T> {
  private times: number[] = [];
  private seqs: number[] = [];
  private items: T[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  /** Earliest time, or Infinity when empty. */
  peekTime(): number {
    return this.items.length > 0 ? this.times[0] : Infinity;
  }

  push(time: number, item: T): void {
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const s = this.seq++;
    let i = items.length;
    times.push(time);
    seqs.push(s);
    items.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] < time || (times[p] === time && seqs[p] < s)) break;
      times[i] = times[p];
      seqs[i] = seqs[p];
      items[i] = items[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = s;
    items[i] = item;
  }

  /** Removes and returns the earliest item (undefined when empty). */
  pop(): T | undefined {
    const items = this.items;
    const n = items.length;
    if (n === 0) return undefined;
    const top = items[0];
    const lastTime = this.times.pop() as number;
    const lastSeq = this.seqs.pop() as number;
    const lastItem = items.pop() as T;
    if (n > 1) this.siftDown(lastTime, lastSeq, lastItem);
    return top;
  }

  private siftDown(time: number, s: number, item: T): void {
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const n = items.length;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (times[r] < times[c] || (times[r] === times[c] && seqs[r] < seqs[c]))) c = r;
      if (time < times[c] || (time === times[c] && s < seqs[c])) break;
      times[i] = times[c];
      seqs[i] = seqs[c];
      items[i] = items[c];
      i = c;
    }
    times[i] = time;
    seqs[i] = s;
    items[i] = item;
  }
}

/**
 * A heap of small integer ids (task slots) keyed by time, stored in typed arrays by heap position: no allocation per
 * push. Equal times pop in id order (deterministic). Each id may be in the heap at most once.
 */
export class SlotHeap {
  private times: Float64Array<ArrayBuffer>;
  private ids: Int32Array<ArrayBuffer>;
  private n = 0;

  constructor(capacity = 64) {
    this.times = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  peekTime(): number {
    return this.n > 0 ? this.times[0] : Infinity;
  }

  peekId(): number {
    return this.n > 0 ? this.ids[0] : -1;
  }

  push(id: number, at: number): void {
    if (this.n === this.ids.length) {
      const times = new Float64Array(this.n * 2);
      times.set(this.times);
      const ids = new Int32Array(this.n * 2);
      ids.set(this.ids);
      this.times = times;
      this.ids = ids;
    }
    this.siftUpFrom(this.n++, id, at);
  }

  /** Removes the earliest id and returns it (-1 when empty). */
  pop(): number {
    if (this.n === 0) return -1;
    const top = this.ids[0];
    const last = --this.n;
    if (last > 0) this.siftDown(this.ids[last], this.times[last]);
    return top;
  }

  /**
   * Moves `id` to time `at` (false when it is not in the heap). A linear search: only speculative races use it, a few
   * times per stage.
   */
  retime(id: number, at: number): boolean {
    let i = 0;
    while (i < this.n && this.ids[i] !== id) i++;
    if (i === this.n) return false;
    // Up from i, then down: whichever way the new time belongs.
    this.siftDownFrom(this.siftUpFrom(i, id, at));
    return true;
  }

  /** Places `id` at time `at` in hole `i` or above it (ties by id); returns where it landed. */
  private siftUpFrom(start: number, id: number, at: number): number {
    const times = this.times;
    const ids = this.ids;
    let i = start;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = times[p];
      if (tp < at || (tp === at && ids[p] < id)) break;
      times[i] = tp;
      ids[i] = ids[p];
      i = p;
    }
    times[i] = at;
    ids[i] = id;
    return i;
  }

  private siftDownFrom(start: number): void {
    const times = this.times;
    const ids = this.ids;
    const id = ids[start];
    const at = times[start];
    let i = start;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.n) break;
      const r = c + 1;
      if (r < this.n && (times[r] < times[c] || (times[r] === times[c] && ids[r] < ids[c]))) c = r;
      if (at < times[c] || (at === times[c] && id < ids[c])) break;
      times[i] = times[c];
      ids[i] = ids[c];
      i = c;
    }
    times[i] = at;
    ids[i] = id;
  }

  /** Replaces the earliest entry by `id` at `at` (one sift instead of a pop and a push). */
  replaceTop(id: number, at: number): void {
    this.siftDown(id, at);
  }

  private siftDown(id: number, at: number): void {
    const times = this.times;
    const ids = this.ids;
    const n = this.n;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let tc = times[c];
      const r = c + 1;
      if (r < n) {
        const tr = times[r];
        if (tr < tc || (tr === tc && ids[r] < ids[c])) {
          c = r;
          tc = tr;
        }
      }
      if (at < tc || (at === tc && id < ids[c])) break;
      times[i] = tc;
      ids[i] = ids[c];
      i = c;
    }
    times[i] = at;
    ids[i] = id;
  }
}

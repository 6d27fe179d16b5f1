// The scheduler's submitted stages that still have tasks to launch, ordered the way FIFO scheduling offers them:
// lower job id first, then lower stage id. A binary heap, so submitting and finishing a stage cost O(log n) where
// sorting the whole list on every submission was quadratic on workloads with tens of thousands of concurrent jobs.

export class StageQueue {
  private readonly heap: number[] = [];

  /** `stagePriority[s]` and `stageIds[s]` give the ordering key of internal stage index s (read, never written). */
  constructor(
    private readonly stagePriority: readonly number[],
    private readonly stageIds: readonly number[],
  ) {}

  get size(): number {
    return this.heap.length;
  }

  /** The stage to launch from next; only valid while size > 0. */
  peek(): number {
    return this.heap[0];
  }

  push(stage: number): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(stage);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(stage, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = stage;
  }

  /** Removes the head. */
  pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heap.length) break;
      const right = child + 1;
      if (right < heap.length && this.before(heap[right], heap[child])) child = right;
      if (!this.before(heap[child], last)) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
  }

  /** Strict order: job, then stage id, then internal index (only differs for duplicate ids, which parsing rejects). */
  private before(a: number, b: number): boolean {
    const byJob = this.stagePriority[a] - this.stagePriority[b];
    if (byJob !== 0) return byJob < 0;
    const byId = this.stageIds[a] - this.stageIds[b];
    if (byId !== 0) return byId < 0;
    return a < b;
  }
}

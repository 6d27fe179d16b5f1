// Where each map task's shuffle output lives, so that removing an executor can lose it and a later stage reading the
// shuffle can find what to recompute (issue 14 item 2). Spark's MapOutputTracker in miniature: one slot per map task
// of a shuffle, holding the executor that wrote it, or LOST.
//
// Simplified from Spark's fetch-failure path (documented in docs/simulator.md): Spark notices a loss when a reduce task
// fails to fetch, fails the stage, resubmits the map stage for the missing partitions and then the reading stage.
// Here the check happens when a reading stage is about to be submitted — the lost map tasks run first, as a new
// attempt of the map stage, and the reading stage follows when they are done. A loss while the reading stage already
// runs is not noticed (its tasks are taken to have fetched their input), and no fetch retries or waits are modelled.

/** No executor holds this map task's output: it was never written or it was lost. */
const LOST = -1;

export class ShuffleOutputs {
  /** shuffle id → executor per map task index. */
  private readonly where = new Map<number, Int32Array>();
  /** executor → the (shuffle, task) pairs it wrote, packed two numbers at a time (stale pairs are skipped). */
  private readonly written = new Map<number, number[]>();

  /** A shuffle of `tasks` map tasks; every slot starts LOST until its task succeeds. */
  register(shuffleId: number, tasks: number): void {
    if (!this.where.has(shuffleId)) this.where.set(shuffleId, new Int32Array(tasks).fill(LOST));
  }

  /** Map task `index` of the shuffle succeeded on `executor`. */
  record(shuffleId: number, index: number, executor: number): void {
    const slots = this.where.get(shuffleId);
    if (!slots || index < 0 || index >= slots.length) return;
    slots[index] = executor;
    let list = this.written.get(executor);
    if (!list) {
      list = [];
      this.written.set(executor, list);
    }
    list.push(shuffleId, index);
  }

  /** The executor went and its shuffle files with it. Returns how many map outputs were lost. */
  lose(executor: number): number {
    const list = this.written.get(executor);
    this.written.delete(executor);
    if (!list) return 0;
    let lost = 0;
    for (let i = 0; i < list.length; i += 2) {
      const slots = this.where.get(list[i]);
      // A later attempt may have written the same task elsewhere: only this executor's copies go.
      if (slots && slots[list[i + 1]] === executor) {
        slots[list[i + 1]] = LOST;
        lost++;
      }
    }
    return lost;
  }

  /** How many map outputs the executor holds now (what a migration has to move). */
  heldBy(executor: number): number {
    const list = this.written.get(executor);
    if (!list) return 0;
    let held = 0;
    for (let i = 0; i < list.length; i += 2) if (this.where.get(list[i])?.[list[i + 1]] === executor) held++;
    return held;
  }

  /** The executor's files moved elsewhere before it went (storage decommissioning): nothing is lost. */
  migrate(executor: number): void {
    // The slots keep naming the old executor, which no longer loses anything: its list is dropped.
    this.written.delete(executor);
  }

  /** Map task indices of the shuffle whose output is missing, ascending; empty for an unknown shuffle. */
  missing(shuffleId: number): number[] {
    const slots = this.where.get(shuffleId);
    const out: number[] = [];
    if (!slots) return out;
    for (let i = 0; i < slots.length; i++) if (slots[i] === LOST) out.push(i);
    return out;
  }
}

// The task slots of every executor, by numeric executor id: which executors are alive or told to go, each one's
// free-slot stack, what runs on each busy slot and how that attempt will end. Slot `id * stride + i` is executor
// id's slot i; the stride is the widest profile's slot count, so every executor has room for its own profile's
// slots. Typed arrays that double as ids grow, because the launch and end paths touch them for every task.
import { slotStride, type SlotsByProfile } from './profile-slots';

/** How a running attempt ends: it succeeds, fails (as the replayed log shows), or is killed (it lost a race). */
export const SUCCEEDS = 0;
export const FAILS = 1;
export const KILLED = 2;
export type AttemptOutcome = typeof SUCCEEDS | typeof FAILS | typeof KILLED;

export class ExecutorSlots {
  /** Slots per executor; with several profiles, the widest profile's (the stride of the slot arrays). */
  readonly stride: number;
  /** Slots by profile, when stages run under more than one profile. */
  readonly profileSlots: SlotsByProfile | undefined;
  /** Executors with free slots that may take tasks, in the order they are offered. */
  readonly offerable = new Set<number>();
  /** Busy slots over every executor. */
  running = 0;

  // ---- per executor ----
  alive = new Uint8Array(16);
  killed = new Uint8Array(16);
  profile = new Int32Array(16);
  freeTop = new Int32Array(16);

  // ---- per slot ----
  /** Executor id's free slots are freeStack[id * stride … id * stride + freeTop[id] - 1], the last offered first. */
  freeStack: Int32Array<ArrayBuffer>;
  /** The internal stage and task index of the attempt running on the slot. */
  stage: Int32Array<ArrayBuffer>;
  task: Int32Array<ArrayBuffer>;
  /** 1 for a slot whose running task was lost with its executor: its pending end is dropped. */
  lost: Uint8Array<ArrayBuffer>;
  /** How the slot's attempt ends (SUCCEEDS, FAILS, KILLED), whether it is a speculative copy, and its run time (ms). */
  outcome: Uint8Array<ArrayBuffer>;
  copy: Uint8Array<ArrayBuffer>;
  runMs: Float64Array<ArrayBuffer>;

  /** `bySlots`: slots per executor of each profile (0, the default, always present). */
  constructor(bySlots: SlotsByProfile) {
    this.profileSlots = bySlots.size > 1 ? bySlots : undefined;
    this.stride = Math.max(0, this.profileSlots ? slotStride(bySlots) : (bySlots.get(0) ?? 0));
    const slots = 16 * Math.max(1, this.stride);
    this.freeStack = new Int32Array(slots);
    this.stage = new Int32Array(slots);
    this.task = new Int32Array(slots);
    this.lost = new Uint8Array(slots);
    this.outcome = new Uint8Array(slots);
    this.copy = new Uint8Array(slots);
    this.runMs = new Float64Array(slots);
  }

  executorOf(slot: number): number {
    return (slot / this.stride) | 0;
  }

  /** The executor's own slots (its profile's). */
  slotsOf(id: number): number {
    return this.profileSlots ? (this.profileSlots.get(this.profile[id]) ?? 0) : this.stride;
  }

  /** The executor is alive and not told to go: it may take tasks. */
  takesTasks(id: number): boolean {
    return this.alive[id] === 1 && this.killed[id] === 0;
  }

  /** An executor of `profile` registered: all its slots are free. */
  add(id: number, profile: number): void {
    this.grow(id);
    this.alive[id] = 1;
    this.profile[id] = profile;
    const stride = this.stride;
    const k = this.slotsOf(id);
    for (let i = k - 1; i >= 0; i--) this.freeStack[id * stride + this.freeTop[id]++] = id * stride + i;
    if (k > 0) this.offerable.add(id);
  }

  /** The executor was told to go: it gets no more tasks. */
  markKilled(id: number): void {
    if (id >= this.killed.length) return;
    this.killed[id] = 1;
    this.offerable.delete(id);
  }

  remove(id: number): void {
    if (id >= this.alive.length) return;
    this.alive[id] = 0;
    this.offerable.delete(id);
  }

  /** The executor was lost: it is gone at once. Returns its busy slots in slot order (undefined: it was not alive). */
  lose(id: number): number[] | undefined {
    if (id >= this.alive.length || !this.alive[id]) return undefined;
    const k = this.stride;
    const free = new Set<number>();
    for (let i = 0; i < this.freeTop[id]; i++) free.add(this.freeStack[id * k + i]);
    this.alive[id] = 0;
    this.offerable.delete(id);
    const busy: number[] = [];
    for (let slot = id * k; slot < id * k + this.slotsOf(id); slot++) if (!free.has(slot)) busy.push(slot);
    return busy;
  }

  /** Tasks running on the executor now. */
  runningOn(id: number): number {
    if (id >= this.alive.length || !this.alive[id]) return 0;
    return this.slotsOf(id) - this.freeTop[id];
  }

  /** The free slot the executor offers next; only valid while it has one. */
  nextFree(id: number): number {
    return this.freeStack[id * this.stride + this.freeTop[id] - 1];
  }

  /** The executor's next free slot (see nextFree) took a task. */
  useFree(id: number): void {
    this.freeTop[id]--;
  }

  /** An executor with no free slot left is not offered tasks. */
  retireIfFull(id: number): void {
    if (this.freeTop[id] === 0) this.offerable.delete(id);
  }

  /** An attempt of task `index` of stage s (a speculative copy when `copy`) starts on the slot and ends as `outcome`. */
  start(slot: number, s: number, index: number, copy: boolean, outcome: AttemptOutcome, runMs: number): void {
    this.running++;
    this.stage[slot] = s;
    this.task[slot] = index;
    this.copy[slot] = copy ? 1 : 0;
    this.outcome[slot] = outcome;
    this.runMs[slot] = runMs;
  }

  /** The slot's attempt ended and nothing took it: it is free again and its executor is offered. */
  release(id: number, slot: number): void {
    this.freeStack[id * this.stride + this.freeTop[id]++] = slot;
    this.offerable.add(id);
  }

  private grow(id: number): void {
    if (id < this.alive.length) return;
    let cap = this.alive.length;
    while (cap <= id) cap *= 2;
    const k = Math.max(1, this.stride);
    this.alive = resize8(this.alive, cap);
    this.killed = resize8(this.killed, cap);
    this.profile = resize32(this.profile, cap);
    this.freeTop = resize32(this.freeTop, cap);
    this.freeStack = resize32(this.freeStack, cap * k);
    this.stage = resize32(this.stage, cap * k);
    this.task = resize32(this.task, cap * k);
    this.lost = resize8(this.lost, cap * k);
    this.outcome = resize8(this.outcome, cap * k);
    this.copy = resize8(this.copy, cap * k);
    const run = new Float64Array(cap * k);
    run.set(this.runMs);
    this.runMs = run;
  }
}

function resize8(a: Uint8Array<ArrayBuffer>, cap: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(cap);
  b.set(a);
  return b;
}

function resize32(a: Int32Array<ArrayBuffer>, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

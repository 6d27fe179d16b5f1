// The executors' bookkeeping, by numeric id: which ones are registered, killed or have a running pod, since when,
// their lifetimes in registration order (what a loss's ordinal counts), and the time sums, counts and peak they
// add up to. The driver calls it; it calls nothing back but the per-profile tally.
import type { ProfileTally } from '../profile-tally';
import type { SimulatedExecutorLife } from './run-spec';

export class ExecutorRoster {
  /** Registered executors → when they registered (ms). */
  readonly registeredAt = new Map<number, number>();
  /** Executors told to go and not yet gone. */
  readonly killed = new Set<number>();
  /** Lifetimes in registration order. */
  readonly lives: SimulatedExecutorLife[] = [];
  /** Registered executors now. */
  running = 0;
  peak = 0;
  removed = 0;
  /** Registered-executor lifetime summed (ms). */
  executorMs = 0;
  /** Pod (or container) time from Running until gone, summed (ms). */
  podRunningMs = 0;
  private readonly runningSince = new Map<number, number>();
  private readonly lifeOf = new Map<number, SimulatedExecutorLife>();
  private readonly order: number[] = [];
  private readonly names: string[] = [];

  constructor(
    private readonly profileOf: (id: number) => number,
    private readonly tally: ProfileTally | undefined,
  ) {}

  /** The executor id as the allocation manager and monitor know it (a string), made once per id. */
  name(id: number): string {
    let text = this.names[id];
    if (text === undefined) {
      text = String(id);
      this.names[id] = text;
    }
    return text;
  }

  /** The `ordinal`-th executor to register (from 1), if that many have. */
  byOrdinal(ordinal: number): number | undefined {
    return this.order[ordinal - 1];
  }

  /** How many executors have registered so far (the last one's ordinal). */
  get registeredCount(): number {
    return this.order.length;
  }

  isRegistered(id: number): boolean {
    return this.registeredAt.has(id);
  }

  podRunning(id: number, now: number): void {
    this.runningSince.set(id, now);
  }

  /** The pod is gone: its running time (if it ran) is summed. */
  podStopped(id: number, now: number): void {
    const since = this.runningSince.get(id);
    if (since === undefined) return;
    this.podRunningMs += now - since;
    this.tally?.podRan(this.profileOf(id), now - since);
    this.runningSince.delete(id);
  }

  registered(id: number, now: number, profile: number): void {
    this.registeredAt.set(id, now);
    this.order.push(id);
    const life: SimulatedExecutorLife = { id, addedMs: now, profile };
    this.lives.push(life);
    this.lifeOf.set(id, life);
    this.running++;
    if (this.running > this.peak) this.peak = this.running;
    this.tally?.executorAdded(profile);
  }

  /** The executor left; false when it was not registered (nothing to do). */
  unregistered(id: number, now: number): boolean {
    const at = this.registeredAt.get(id);
    if (at === undefined) return false;
    this.registeredAt.delete(id);
    const life = this.lifeOf.get(id);
    if (life) life.removedMs = now;
    this.executorMs += now - at;
    this.tally?.executorGone(this.profileOf(id), now - at);
    this.running--;
    this.removed++;
    return true;
  }

  /** Why the executor goes: killed as idle by the allocation manager, or lost as a replayed log shows. */
  goingBecause(id: number, reason: 'idle' | 'lost'): void {
    const life = this.lifeOf.get(id);
    if (life) life.reason = reason;
  }

  /** At the run's end: executors and pods still up count until `end`. */
  settle(end: number): void {
    for (const [id, at] of this.registeredAt) {
      this.executorMs += end - at;
      this.tally?.executorGone(this.profileOf(id), end - at);
    }
    for (const [id, since] of this.runningSince) {
      this.podRunningMs += end - since;
      this.tally?.podRan(this.profileOf(id), end - since);
    }
  }
}

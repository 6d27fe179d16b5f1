// The allocation manager's 100 ms tick grid, with the ticks that provably change nothing skipped: a tick is skipped
// when the last one changed nothing, no listener event came since (`dirty`), and neither the backlog timer nor any
// executor's idle deadline falls before it. Any event brings the grid back at the first tick not yet run.
import { TICK_MS } from '../../spark-constants';
import type { AllocationManager } from '../allocation-manager';
import type { WorkMeter } from '../budget';
import type { ExecutorMonitor } from '../executor-monitor';
import type { ExecutorRoster } from './executor-roster';

export class ManagerTicks {
  /** Something the manager may react to happened since its last tick. */
  dirty = true;
  /** When the next tick runs (ms); Infinity while none can matter, or with no manager polling at all. */
  nextTick: number;
  private lastTick = -TICK_MS;

  /** Without a manager (a fixed executor count), or with polling off, no tick ever runs. */
  constructor(
    private readonly manager: AllocationManager | undefined,
    private readonly monitor: ExecutorMonitor | undefined,
    polling: boolean,
    private readonly meter: WorkMeter,
    private readonly roster: ExecutorRoster,
  ) {
    this.nextTick = manager && polling ? 0 : Infinity;
  }

  /** Runs the manager's schedule at `now` (a tick time) and works out when the next tick can matter. */
  tick(now: number): void {
    const manager = this.manager as AllocationManager;
    this.meter.spend(1);
    const wasDirty = this.dirty;
    this.dirty = false;
    const before = manager.totalTarget();
    const result = manager.schedule();
    const quiet = !wasDirty && result.delta === 0 && result.removed.length === 0 && manager.totalTarget() === before;
    this.lastTick = now;
    if (!quiet || this.dirty) {
      this.nextTick = now + TICK_MS;
      return;
    }
    // Nothing changed and nothing happened since the last tick: the next tick that can matter is the first one at or
    // after the backlog timer or an executor's idle deadline, unless an event comes first (see wake()).
    const wake = this.nextDeadline(now);
    this.nextTick = wake === Infinity ? Infinity : Math.max(now + TICK_MS, Math.ceil(wake / TICK_MS) * TICK_MS);
  }

  /** After an event while ticks are skipped: the tick grid resumes at the first tick not yet run. */
  wake(now: number): void {
    if (!this.manager || !this.dirty) return;
    const next = Math.max(this.lastTick + TICK_MS, Math.ceil(now / TICK_MS) * TICK_MS);
    if (next < this.nextTick) this.nextTick = next;
  }

  private nextDeadline(now: number): number {
    const manager = this.manager as AllocationManager;
    const monitor = this.monitor as ExecutorMonitor;
    const registered = this.roster.registeredAt;
    this.meter.spend(registered.size); // the scan below visits every executor
    let wake = Infinity;
    const addTime = manager.addTimeMs;
    if (addTime !== undefined && addTime > now) wake = addTime;
    for (const id of registered.keys()) {
      const at = monitor.removableDeadline(this.roster.name(id));
      if (at !== undefined && at > now && at < wake) wake = at;
    }
    return wake;
  }
}

// YARN containers on the driver's clock: when a container is requested, the registration of the executor it brings
// is planned (from the calibrated plan or the typical start-up, counted from the request, as a log's request →
// registration figures are); when YARN grants and launches it, its process starts registerMs before that plan.
import type { StartPlanner } from '../k8s/calibrated-start';
import { podStartMs, type PodLatency } from '../k8s/latency';
import type { PodStore } from '../k8s/pod-store';
import type { EventHeap } from '../scheduler/heap';
import type { ExecutorTimeLedger } from '../time-ledger';
import type { SimEvent } from './sim-events';

export class YarnLaunches {
  /** Container requests → when the executor each brings registers (ms), planned at the request. */
  private readonly plannedRegistration = new Map<number, number>();

  constructor(
    private readonly latency: PodLatency,
    private readonly planner: StartPlanner | undefined,
    private readonly store: PodStore,
    private readonly ledger: ExecutorTimeLedger,
    private readonly events: EventHeap<SimEvent>,
  ) {}

  requested(request: number, now: number): void {
    const latency = this.latency;
    const running = this.planner?.runningAt(request, now, now) ?? now + latency.apiMs + podStartMs(latency, request);
    this.plannedRegistration.set(request, running + latency.registerMs);
  }

  /**
   * A granted container is launched: YARN counts it as running from now. Like a pod, it is billed from when its
   * executor process starts, registerMs before the planned registration (the calibrated wait is taken to come first).
   */
  launched(id: number, now: number, profile: number, request: number): void {
    this.store.add(id, now, profile);
    this.store.setPhase(id, 'pending');
    this.ledger.podCreated(id, now);
    const planned = this.plannedRegistration.get(request) ?? now;
    this.plannedRegistration.delete(request);
    this.events.push(Math.max(now, planned - this.latency.registerMs), { kind: 'running', id });
  }
}

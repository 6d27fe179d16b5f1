// What the Kubernetes API shows about executor pods: the allocator reads it as its snapshot. A pod is `unseen` from
// creation until it first appears in a snapshot; `gone` once deleted or terminated. `version` moves on every change a
// snapshot would show, so the allocator can tell whether new snapshots arrived since its last run.

export type PodPhase = 'unseen' | 'pending' | 'running' | 'failed' | 'gone';

export class PodStore {
  private readonly phases = new Map<number, PodPhase>();
  private readonly created = new Map<number, number>();
  /** Visible Pending pods, in creation order. */
  private readonly pendingIds = new Set<number>();
  private runningCount = 0;
  private unseenCount = 0;
  private changes = 0;

  /** Bumped whenever a snapshot would differ. */
  get version(): number {
    return this.changes;
  }

  get running(): number {
    return this.runningCount;
  }

  get pending(): number {
    return this.pendingIds.size;
  }

  get unseen(): number {
    return this.unseenCount;
  }

  phase(id: number): PodPhase | undefined {
    return this.phases.get(id);
  }

  createdAt(id: number): number | undefined {
    return this.created.get(id);
  }

  /** Visible Pending pods, oldest first. */
  pendingPods(): number[] {
    return [...this.pendingIds];
  }

  /** The pod is visible in snapshots (Pending, Running or Failed). */
  isVisible(id: number): boolean {
    const p = this.phases.get(id);
    return p === 'pending' || p === 'running' || p === 'failed';
  }

  /** A full resync (Spark polls the pod list every apiPollingInterval): a new snapshot even if nothing changed. */
  touch(): void {
    this.changes++;
  }

  add(id: number, now: number): void {
    this.phases.set(id, 'unseen');
    this.created.set(id, now);
    this.unseenCount++;
  }

  setPhase(id: number, phase: PodPhase): void {
    const old = this.phases.get(id);
    if (old === undefined || old === phase || old === 'gone') return;
    if (old === 'unseen') this.unseenCount--;
    else if (old === 'pending') this.pendingIds.delete(id);
    else if (old === 'running') this.runningCount--;
    if (phase === 'unseen') this.unseenCount++;
    else if (phase === 'pending') this.pendingIds.add(id);
    else if (phase === 'running') this.runningCount++;
    this.phases.set(id, phase);
    // A pod deleted before anyone saw it never shows up in a snapshot.
    if (!(old === 'unseen' && phase === 'gone')) this.changes++;
  }
}

// What the Kubernetes API shows about executor pods: the allocator reads it as its snapshot. A pod is `unseen` from
// creation until it first appears in a snapshot; `gone` once deleted or terminated. `version` moves on every change a
// snapshot would show, so the allocator can tell whether new snapshots arrived since its last run. Each pod belongs to
// a resource profile (its executor's); counts are also kept per profile for the allocator's per-profile pass.

export type PodPhase = 'unseen' | 'pending' | 'running' | 'failed' | 'gone';

export class PodStore {
  private readonly phases = new Map<number, PodPhase>();
  private readonly created = new Map<number, number>();
  private readonly profiles = new Map<number, number>();
  /** Running and visible Pending pods per profile (index = profile id), kept once a pod of profile ≠ 0 exists. */
  private readonly runningBy: number[] = [];
  private readonly pendingBy: number[] = [];
  private mixed = false;
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

  /** The resource profile the pod was created for. */
  profileOf(id: number): number {
    return this.profiles.get(id) ?? 0;
  }

  /** Running pods of one profile. */
  runningOf(profile: number): number {
    return this.mixed ? (this.runningBy[profile] ?? 0) : profile === 0 ? this.runningCount : 0;
  }

  /** Visible Pending pods of one profile. */
  pendingOf(profile: number): number {
    return this.mixed ? (this.pendingBy[profile] ?? 0) : profile === 0 ? this.pendingIds.size : 0;
  }

  /** Visible Pending pods of one profile, oldest first. */
  pendingPodsOf(profile: number): number[] {
    if (!this.mixed) return profile === 0 ? this.pendingPods() : [];
    return this.pendingPods().filter((id) => this.profileOf(id) === profile);
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

  add(id: number, now: number, profile = 0): void {
    this.phases.set(id, 'unseen');
    this.created.set(id, now);
    this.unseenCount++;
    if (profile !== 0) {
      this.profiles.set(id, profile);
      if (!this.mixed) this.startPerProfileCounts();
    }
  }

  /** From the first pod of another profile on, counts are kept per profile (until then every pod is profile 0's). */
  private startPerProfileCounts(): void {
    this.mixed = true;
    this.runningBy[0] = this.runningCount;
    this.pendingBy[0] = this.pendingIds.size;
  }

  private count(by: number[], id: number, delta: number): void {
    if (!this.mixed) return;
    const p = this.profileOf(id);
    by[p] = (by[p] ?? 0) + delta;
  }

  setPhase(id: number, phase: PodPhase): void {
    const old = this.phases.get(id);
    if (old === undefined || old === phase || old === 'gone') return;
    if (old === 'unseen') this.unseenCount--;
    else if (old === 'pending') {
      this.pendingIds.delete(id);
      this.count(this.pendingBy, id, -1);
    } else if (old === 'running') {
      this.runningCount--;
      this.count(this.runningBy, id, -1);
    }
    if (phase === 'unseen') this.unseenCount++;
    else if (phase === 'pending') {
      this.pendingIds.add(id);
      this.count(this.pendingBy, id, 1);
    } else if (phase === 'running') {
      this.runningCount++;
      this.count(this.runningBy, id, 1);
    }
    this.phases.set(id, phase);
    // A pod deleted before anyone saw it never shows up in a snapshot.
    if (!(old === 'unseen' && phase === 'gone')) this.changes++;
  }
}

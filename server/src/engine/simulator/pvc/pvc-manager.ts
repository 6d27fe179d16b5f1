// The lifecycle of on-demand executor PVCs (spark-facts §1.3, §1.4, §3.6): creation per executor pod, ownership
// (driver or executor pod), reuse of driver-owned claims left by gone executors, the wait-to-reuse cap, and what the
// StorageClass reclaim policy does with the volumes. Keeps the numbers for cost: live claims and GiB-hours.
import type { OnDemandVolume } from './volumes';

export type ReclaimPolicy = 'Delete' | 'Retain';

export interface PvcSettings {
  /** spark.kubernetes.driver.ownPersistentVolumeClaim (version default). */
  ownByDriver: boolean;
  /** spark.kubernetes.driver.reusePersistentVolumeClaim (only effective with ownByDriver). */
  reuse: boolean;
  /** spark.kubernetes.driver.waitToReusePersistentVolumeClaim (only effective with own and reuse). */
  waitToReuse: boolean;
  /** The wait-to-reuse cap on PVC objects: maxExecutors with DRA, else executor.instances (default 2). */
  maxPvcs: number;
  /** A claim must be older than this to be reused (podCreationTimeout from 4.0.0, batch.delay in 3.4–3.5, -1 = any age). */
  reuseMinAgeMs: number;
  reclaimPolicy(storageClass: string): ReclaimPolicy;
}

export interface Pvc {
  /** Creation order, from 0. */
  serial: number;
  storageClass: string;
  sizeBytes: number;
  createdAt: number;
  /** The executor whose pod mounts it now, or 0. */
  mountedBy: number;
  ownerDriver: boolean;
  retain: boolean;
  /** When the claim object was deleted (its volume may live on with Retain); undefined while it exists. */
  deletedAt: number | undefined;
}

export interface PvcTotals {
  created: number;
  reused: number;
  /** GiB × hours the volumes existed during the job. */
  gibHours: number;
  /** GiB of Retain volumes that outlive the job. */
  gibLeftBehind: number;
  peakLive: number;
}

const GIB = 1024 ** 3;

export class PvcManager {
  private readonly pvcs: Pvc[] = [];
  private readonly byExecutor = new Map<number, Pvc[]>();
  private live = 0;
  private peak = 0;
  private reusedCount = 0;
  /** Spark's PVC_COUNTER: claims created (it counts PVC objects, not executors). */
  private counter = 0;
  private readonly volumes: OnDemandVolume[];

  constructor(
    volumes: readonly OnDemandVolume[],
    private readonly settings: PvcSettings,
  ) {
    this.volumes = volumes.filter((v) => v.creates);
  }

  /** True when executor pods get on-demand claims at all. */
  get active(): boolean {
    return this.volumes.length > 0;
  }

  get reuseEnabled(): boolean {
    return this.settings.ownByDriver && this.settings.reuse;
  }

  /** Wait-to-reuse mode: own, reuse and waitToReuse all on (and there are claims to make). */
  get waitMode(): boolean {
    return this.active && this.reuseEnabled && this.settings.waitToReuse;
  }

  get pvcCounter(): number {
    return this.counter;
  }

  get maxPvcs(): number {
    return this.settings.maxPvcs;
  }

  /** Claims that exist now. */
  liveCount(): number {
    return this.live;
  }

  /**
   * Claims a new pod may take over: driver-owned, not mounted by a pod visible in the snapshot, older than the
   * reuse age. Empty unless own and reuse are on.
   */
  reusable(now: number, isMountedByVisiblePod: (executorId: number) => boolean): Pvc[] {
    if (!this.active || !this.reuseEnabled) return [];
    const minAge = this.settings.reuseMinAgeMs;
    return this.pvcs.filter(
      (p) =>
        p.deletedAt === undefined &&
        p.ownerDriver &&
        (p.mountedBy === 0 || !isMountedByVisiblePod(p.mountedBy)) &&
        now - p.createdAt > minAge,
    );
  }

  /** Whether wait-to-reuse stops creating pods now: no reusable claim left and the counter has reached the cap. */
  mustWait(reusableLeft: number): boolean {
    return this.waitMode && reusableLeft === 0 && this.counter >= this.settings.maxPvcs;
  }

  /**
   * Gives a new executor pod its claims: for each on-demand volume, a reusable claim of the same storage class and
   * size when one is left in `reusable` (taken out of it), else a new claim. Returns how many were created.
   */
  attach(executorId: number, reusable: Pvc[], now: number): number {
    if (!this.active) return 0;
    const mine: Pvc[] = [];
    let created = 0;
    for (const v of this.volumes) {
      const storageClass = v.storageClass as string;
      const sizeBytes = v.sizeBytes as number;
      const at = reusable.findIndex((p) => p.storageClass === storageClass && p.sizeBytes === sizeBytes);
      if (at >= 0) {
        const pvc = reusable[at];
        reusable.splice(at, 1);
        if (pvc.mountedBy !== 0) this.unlink(pvc.mountedBy, pvc);
        pvc.mountedBy = executorId;
        mine.push(pvc);
        this.reusedCount++;
        continue;
      }
      const pvc: Pvc = {
        serial: this.pvcs.length,
        storageClass,
        sizeBytes,
        createdAt: now,
        mountedBy: executorId,
        ownerDriver: this.settings.ownByDriver,
        retain: this.settings.reclaimPolicy(storageClass) === 'Retain',
        deletedAt: undefined,
      };
      this.pvcs.push(pvc);
      mine.push(pvc);
      this.counter++;
      created++;
      this.live++;
      if (this.live > this.peak) this.peak = this.live;
    }
    this.byExecutor.set(executorId, mine);
    return created;
  }

  private unlink(executorId: number, pvc: Pvc): void {
    const list = this.byExecutor.get(executorId);
    if (!list) return;
    const at = list.indexOf(pvc);
    if (at >= 0) list.splice(at, 1);
  }

  /** The executor's pod is gone: its claims are unmounted; claims the pod owned are deleted with it. */
  podGone(executorId: number, now: number): void {
    const list = this.byExecutor.get(executorId);
    if (!list) return;
    this.byExecutor.delete(executorId);
    for (const pvc of list) {
      if (pvc.mountedBy === executorId) pvc.mountedBy = 0;
      if (!pvc.ownerDriver && pvc.deletedAt === undefined) {
        pvc.deletedAt = now;
        this.live--;
      }
    }
  }

  /** The application ended at `end`: the driver pod goes and takes the claims it owns with it. */
  totals(end: number): PvcTotals {
    let byteMs = 0;
    let leftBehind = 0;
    for (const p of this.pvcs) {
      const until = p.retain ? end : Math.min(p.deletedAt ?? end, end);
      byteMs += p.sizeBytes * Math.max(0, until - p.createdAt);
      if (p.retain) leftBehind += p.sizeBytes;
    }
    return {
      created: this.pvcs.length,
      reused: this.reusedCount,
      gibHours: byteMs / GIB / 3_600_000,
      gibLeftBehind: leftBehind / GIB,
      peakLive: this.peak,
    };
  }
}

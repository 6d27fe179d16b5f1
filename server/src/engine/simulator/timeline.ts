// Records a run's timeline within a fixed number of points. While the run is short every sample is kept as taken;
// once it has more samples than the cap, the interior is thinned into time buckets that keep each series' lowest and
// highest value (so peaks and troughs survive), and bucket widths double as the run goes on. The first and the last
// sample are always kept as they were. The output depends only on the samples, so it is deterministic.
import type { TimelinePoint } from '../../../../protocol/simulation';
import { TICK_MS } from '../spark-constants';

type Series = 'running' | 'target' | 'pendingPods' | 'busySlots' | 'pendingTasks' | 'livePvcs';
const SERIES: readonly Series[] = ['running', 'target', 'pendingPods', 'busySlots', 'pendingTasks', 'livePvcs'];

/** The raw samples' resolution (ms): one sample per allocation tick at most. */
const RAW_STEP_MS = TICK_MS;

/** The fewest points a thinned timeline may be given: the two endpoints and one bucket's two points. */
export const MIN_TIMELINE_POINTS = 4;

interface Bucket {
  index: number;
  count: number;
  firstMs: number;
  lastMs: number;
  min: number[];
  max: number[];
  /** When each series first reached its min / max (ms). */
  minAt: number[];
  maxAt: number[];
}

export interface RecordedTimeline {
  points: TimelinePoint[];
  /** Samples taken; more than points.length when the timeline was thinned. */
  samples: number;
  thinned: boolean;
}

export class TimelineRecorder {
  private readonly raw: TimelinePoint[] = [];
  private readonly maxBuckets: number;
  private first: TimelinePoint | undefined;
  private pending: TimelinePoint | undefined;
  private buckets: Bucket[] | undefined;
  private widthMs = RAW_STEP_MS;
  private samples = 0;

  /** `maxPoints` is the most points finish() returns (at least MIN_TIMELINE_POINTS). */
  constructor(private readonly maxPoints: number) {
    this.maxBuckets = Math.max(1, Math.floor((Math.max(MIN_TIMELINE_POINTS, maxPoints) - 2) / 2));
  }

  /** The latest sample; the caller may still update it in place until the next push. */
  last(): TimelinePoint | undefined {
    return this.buckets ? this.pending : this.raw[this.raw.length - 1];
  }

  push(point: TimelinePoint): void {
    this.samples++;
    if (!this.buckets) {
      if (this.raw.length < this.maxPoints) {
        this.raw.push(point);
        return;
      }
      this.startThinning();
    }
    if (this.pending !== undefined) this.addToBucket(this.pending);
    this.pending = point;
  }

  finish(): RecordedTimeline {
    if (!this.buckets) return { points: this.raw, samples: this.samples, thinned: false };
    const points: TimelinePoint[] = [];
    if (this.first) points.push(this.first);
    for (const bucket of this.buckets) points.push(...bucketPoints(bucket));
    if (this.pending) points.push(this.pending);
    return { points, samples: this.samples, thinned: true };
  }

  /** Moves the raw samples into buckets: the first stays apart, the latest becomes the pending one. */
  private startThinning(): void {
    this.buckets = [];
    const raw = this.raw.splice(0);
    this.first = raw[0];
    for (let i = 1; i < raw.length - 1; i++) this.addToBucket(raw[i]);
    this.pending = raw.length > 1 ? raw[raw.length - 1] : undefined;
  }

  private addToBucket(point: TimelinePoint): void {
    const buckets = this.buckets as Bucket[];
    const ms = Math.round(point.t * 1000);
    while (Math.floor(ms / this.widthMs) >= this.maxBuckets) this.widen();
    const index = Math.floor(ms / this.widthMs);
    const last = buckets[buckets.length - 1];
    if (last !== undefined && last.index === index) {
      last.count++;
      last.lastMs = ms;
      for (let s = 0; s < SERIES.length; s++) {
        const v = point[SERIES[s]];
        if (v < last.min[s]) {
          last.min[s] = v;
          last.minAt[s] = ms;
        }
        if (v > last.max[s]) {
          last.max[s] = v;
          last.maxAt[s] = ms;
        }
      }
      return;
    }
    const values = SERIES.map((s) => point[s]);
    const at = SERIES.map(() => ms);
    buckets.push({
      index,
      count: 1,
      firstMs: ms,
      lastMs: ms,
      min: values,
      max: [...values],
      minAt: at,
      maxAt: [...at],
    });
  }

  /** Doubles the bucket width, merging neighbours (earlier extremes win ties). */
  private widen(): void {
    this.widthMs *= 2;
    const merged: Bucket[] = [];
    for (const bucket of this.buckets as Bucket[]) {
      bucket.index >>= 1;
      const prev = merged[merged.length - 1];
      if (prev === undefined || prev.index !== bucket.index) {
        merged.push(bucket);
        continue;
      }
      prev.count += bucket.count;
      prev.lastMs = bucket.lastMs;
      for (let s = 0; s < SERIES.length; s++) {
        if (bucket.min[s] < prev.min[s]) {
          prev.min[s] = bucket.min[s];
          prev.minAt[s] = bucket.minAt[s];
        }
        if (bucket.max[s] > prev.max[s]) {
          prev.max[s] = bucket.max[s];
          prev.maxAt[s] = bucket.maxAt[s];
        }
      }
    }
    this.buckets = merged;
  }
}

/** A bucket as points: one when it holds one sample, else its first and last time, each series' extremes in order. */
function bucketPoints(bucket: Bucket): TimelinePoint[] {
  const early = pointAt(bucket.firstMs);
  if (bucket.count === 1) {
    for (let s = 0; s < SERIES.length; s++) early[SERIES[s]] = bucket.min[s];
    return [early];
  }
  const late = pointAt(bucket.lastMs);
  for (let s = 0; s < SERIES.length; s++) {
    const minFirst = bucket.minAt[s] <= bucket.maxAt[s];
    early[SERIES[s]] = minFirst ? bucket.min[s] : bucket.max[s];
    late[SERIES[s]] = minFirst ? bucket.max[s] : bucket.min[s];
  }
  return [early, late];
}

function pointAt(ms: number): TimelinePoint {
  return { t: ms / 1000, running: 0, target: 0, pendingPods: 0, busySlots: 0, pendingTasks: 0, livePvcs: 0 };
}

// Simulated time: integer milliseconds, advanced only by whoever drives the simulation.

export interface Clock {
  /** Milliseconds since the simulation started. */
  now(): number;
}

export class ManualClock implements Clock {
  private current: number;
  constructor(startMs = 0) {
    this.current = toWholeMs(startMs);
  }
  now(): number {
    return this.current;
  }
  setTime(ms: number): void {
    this.current = toWholeMs(ms);
  }
  advance(ms: number): void {
    this.current = toWholeMs(this.current + ms);
  }
}

function toWholeMs(ms: number): number {
  if (!Number.isInteger(ms)) throw new RangeError(`simulated time must be whole milliseconds, got ${ms}`);
  return ms;
}

/** The resource profile every stage and executor uses unless told otherwise. */
export const DEFAULT_PROFILE_ID = 0;
/** Marks an executor whose profile is not known (Spark's UNKNOWN_RESOURCE_PROFILE_ID). */
export const UNKNOWN_PROFILE_ID = -1;

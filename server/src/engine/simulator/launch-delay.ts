// The driver's delay between submitting a stage and launching its first task. Spark's own scheduling (task set
// creation, serialisation, resource offers) takes a few milliseconds per stage; on runs of many short stages that adds
// up. A replayed log measures it (eventlog/calibrate.ts); without the knob tasks launch the moment a slot is free.

export const LAUNCH_DELAY_KNOB = 'launchDelaySec';

/** The delay in ms from the knobs; 0 when the knob is absent, not a number, or negative. */
export function launchDelayMs(knobs: Readonly<Record<string, number>>): number {
  const v = knobs[LAUNCH_DELAY_KNOB];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v * 1000) : 0;
}

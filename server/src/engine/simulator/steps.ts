// Step timelines (a count that holds from each point's t until the next): integral over a window, value at a time.

interface Step {
  t: number;
  running: number;
}

/** Integral of a step timeline over [from, to] (the last step holds until `end`, nothing after it). */
export function stepIntegral(steps: readonly Step[], end: number, from: number, to: number): number {
  let total = 0;
  for (let i = 0; i < steps.length; i++) {
    const a = Math.max(from, steps[i].t);
    const b = Math.min(to, i + 1 < steps.length ? steps[i + 1].t : end);
    if (b > a) total += steps[i].running * (b - a);
  }
  return total;
}

/** Running executors at t: the last step at or before t; 0 before the first step and after `end`. */
export function stepAt(steps: readonly Step[], end: number, t: number): number {
  if (steps.length === 0 || t < steps[0].t || t > end) return 0;
  let low = 0;
  let high = steps.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (steps[mid].t <= t) low = mid;
    else high = mid - 1;
  }
  return steps[low].running;
}

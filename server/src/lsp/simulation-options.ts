// Maps the `sparkDra.simulation.*` settings and a request's knobs to simulator options. Shared by simulate and replay.
import type { Prices } from '../engine/simulator/prices';

export function pricesFromSettings(simulation: Readonly<Record<string, number>>): Partial<Prices> {
  const prices: Partial<Prices> = {};
  if (simulation.emrVcpuHourUsd !== undefined) prices.emrVcpuHour = simulation.emrVcpuHourUsd;
  if (simulation.emrGbHourUsd !== undefined) prices.emrGbHour = simulation.emrGbHourUsd;
  if (simulation.ebsGibMonthUsd !== undefined) prices.ebsGibMonth = simulation.ebsGibMonthUsd;
  if (simulation.instanceVcpuHourUsd !== undefined) prices.instanceVcpuHour = simulation.instanceVcpuHourUsd;
  return prices;
}

/** Knobs: the pod start latency setting, then what the request gives (the request wins). */
export function knobsFor(
  simulation: Readonly<Record<string, number>>,
  requested: Readonly<Record<string, number>> | undefined,
): Record<string, number> {
  const knobs: Record<string, number> = {};
  if (simulation.podStartLatencySec !== undefined) knobs.podStartLatencySec = simulation.podStartLatencySec;
  return { ...knobs, ...(requested ?? {}) };
}

// Prices the cost model uses (USD). Defaults are public list prices for us-east-1; see docs/simulator.md for sources.

export interface Prices {
  /** EMR on EKS uplift per requested vCPU-hour. */
  emrVcpuHour: number;
  /** EMR on EKS uplift per requested GB-hour of memory. */
  emrGbHour: number;
  /** EBS gp3 storage per GiB-month. */
  ebsGibMonth: number;
  /** Optional EC2 instance share per requested vCPU-hour (0 = not counted). */
  instanceVcpuHour: number;
  /** Hours in the billing month used to prorate GiB-months (AWS uses 730). */
  hoursPerMonth: number;
}

export const DEFAULT_PRICES: Readonly<Prices> = Object.freeze({
  emrVcpuHour: 0.01012,
  emrGbHour: 0.00111125,
  ebsGibMonth: 0.08,
  instanceVcpuHour: 0,
  hoursPerMonth: 730,
});

/** Defaults overridden by the finite, non-negative numbers given. */
export function resolvePrices(overrides: Partial<Prices> = {}): Prices {
  const out: Prices = { ...DEFAULT_PRICES };
  for (const key of Object.keys(DEFAULT_PRICES) as Array<keyof Prices>) {
    const v = overrides[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[key] = v;
  }
  if (out.hoursPerMonth <= 0) out.hoursPerMonth = DEFAULT_PRICES.hoursPerMonth;
  return out;
}

// Deterministic SimulationResults and advice for the webview tests.
import type { Advice, AdvicePoint } from '../../protocol/advice';
import type { ObservedRun } from '../../protocol/webview-messages';
import type { Calibration, FidelityReport } from '../../protocol/replay-types';
import type { SimulationResult, SimulationSummary, TimelinePoint } from '../../protocol/simulation';
import type { ExecutorTimeBreakdown, ExecutorTimeCategory } from '../../protocol/advice';

function summary(over: Partial<SimulationSummary>): SimulationSummary {
  return {
    runtimeSec: 610,
    executorSeconds: 9_000,
    busyCoreSeconds: 30_000,
    idleCoreSeconds: 6_000,
    peakExecutors: 24,
    podsCreated: 26,
    pvcsCreated: 26,
    pvcGiBHours: 72.5,
    pvcGiBLeftBehind: 0,
    cost: { emrUplift: 0.42, compute: 1.18, storage: 0.06, total: 1.66, currency: 'USD' },
    tasks: 4_800,
    ...over,
  };
}

/** A burst of work that scales up to `peak` executors and drains again. */
export function timeline(peak: number, seconds = 600, step = 5): TimelinePoint[] {
  const points: TimelinePoint[] = [];
  for (let t = 0; t <= seconds; t += step) {
    const phase = t / seconds;
    const load = phase < 0.1 ? 0 : phase < 0.7 ? Math.sin(((phase - 0.1) / 0.6) * Math.PI) : 0;
    const target = Math.max(1, Math.round(peak * Math.min(1, load * 1.4)));
    const running = Math.max(1, Math.round(target * Math.min(1, phase * 6)));
    const pendingPods = Math.max(0, target - running);
    const busySlots = Math.round(running * 4 * load);
    const pendingTasks = Math.round(Math.max(0, load * 400 - busySlots * 2));
    points.push({
      t,
      running,
      target,
      pendingPods,
      busySlots,
      pendingTasks,
      livePvcs: running + (phase > 0.7 ? 2 : 0),
    });
  }
  return points;
}

/** A breakdown whose registered categories add up to `executorSeconds`, plus `starting`. */
function breakdown(
  executorSeconds: number,
  shares: Partial<Record<Exclude<ExecutorTimeCategory, 'starting' | 'busy'>, number>>,
  starting: number,
): ExecutorTimeBreakdown {
  const seconds: Record<ExecutorTimeCategory, number> = {
    busy: 0,
    'shuffle-pinned': 0,
    'cache-held': 0,
    'idle-timeout': 0,
    floor: 0,
    starting,
    decommissioning: 0,
  };
  let held = 0;
  for (const [category, share] of Object.entries(shares) as Array<[ExecutorTimeCategory, number]>) {
    seconds[category] = Math.round(executorSeconds * share);
    held += seconds[category];
  }
  seconds.busy = executorSeconds - held;
  return { seconds, totalSec: executorSeconds + starting };
}

export function sampleResult(peak = 24, staticCost = 2.4): SimulationResult {
  return {
    dra: {
      timeline: timeline(peak),
      summary: summary({ peakExecutors: peak }),
      breakdown: breakdown(9_000, { 'shuffle-pinned': 0.3, 'idle-timeout': 0.1, decommissioning: 0.01 }, 208),
    },
    static: {
      executors: 20,
      timeline: timeline(20).map((p) => ({ ...p, running: 20, target: 20, pendingPods: 0, livePvcs: 20 })),
      summary: summary({
        runtimeSec: 540,
        executorSeconds: 10_800,
        peakExecutors: 20,
        pvcsCreated: 20,
        pvcGiBHours: 60,
        cost: { emrUplift: 0.6, compute: 1.74, storage: 0.06, total: staticCost, currency: 'USD' },
      }),
      breakdown: breakdown(10_800, { floor: 0.35 }, 160),
    },
    verdict:
      '30% of executor time is idle executors kept for shuffle files of a running job; no timeout releases them.',
    notes: [
      'Pod start latency is modelled as a fixed 6 s.',
      'Shuffle data is tracked per executor (shuffle tracking on).',
    ],
    inputs: {
      'spark.dynamicAllocation.minExecutors': '1',
      'spark.dynamicAllocation.maxExecutors': '30',
      'spark.dynamicAllocation.executorIdleTimeout': '60s',
      'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
      'spark.kubernetes.allocation.batch.size': '5',
    },
    get fileInputs() {
      return { ...this.inputs };
    },
    workload: { name: 'etl-burst', jobs: 3, stages: 12, tasks: 4_800 },
    sparkVersion: '3.5.1',
  };
}

export const FILE_VALUES = {
  'spark.dynamicAllocation.minExecutors': '1',
  'spark.dynamicAllocation.maxExecutors': '30',
  'spark.dynamicAllocation.executorIdleTimeout': '60s',
  'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
  'spark.kubernetes.allocation.batch.size': '5',
};

/** Executor steps of a real run (as an event log gives them): longer than the simulation, peaking at 22. */
export const OBSERVED_STEPS: readonly { t: number; running: number }[] = [
  { t: 0, running: 0 },
  { t: 25, running: 2 },
  { t: 70, running: 8 },
  { t: 95, running: 16 },
  { t: 160, running: 22 },
  { t: 310, running: 18 },
  { t: 430, running: 12 },
  { t: 520, running: 6 },
  { t: 650, running: 3 },
  { t: 720, running: 1 },
];

/** What the log observed, with the executor-seconds its steps add up to over a 780 s run. */
export function sampleObserved(over: Partial<ObservedRun> = {}): ObservedRun {
  const runtimeSec = 780;
  let executorSeconds = 0;
  OBSERVED_STEPS.forEach((p, i) => {
    const end = OBSERVED_STEPS[i + 1]?.t ?? runtimeSec;
    executorSeconds += p.running * (end - p.t);
  });
  return {
    timeline: OBSERVED_STEPS.map((p) => ({ ...p })),
    runtimeSec,
    peakExecutors: 22,
    executorSeconds,
    executorsAdded: 31,
    executorsRemoved: 30,
    complete: true,
    confFrom: 'event-log',
    loggedSparkVersion: '3.5.1-amzn-0',
    ...over,
  };
}

/** A calibration as a replay measures it: cold start over 10 executors, 3 ramps, 8 removals. */
export function sampleCalibration(): Calibration {
  return {
    coldStart: {
      value: 71.3,
      unit: 's',
      samples: 10,
      min: 71.3,
      max: 90,
      source: 'log',
      basis: 'application start to the registration of each executor asked for at start',
    },
    coldRate: { value: 0.5, unit: 'executors/s', samples: 10, source: 'log', basis: 'spacing of the cold arrivals' },
    addLatency: {
      value: 9.1,
      unit: 's',
      samples: 3,
      min: 8,
      max: 11.2,
      source: 'log',
      basis: 'first registration after each ramp started',
    },
    firstAddLatency: {
      value: 9.1,
      unit: 's',
      samples: 3,
      min: 8,
      max: 11.2,
      source: 'log',
      basis: 'no later ramp to tell the first one apart: the add latency applies',
    },
    addRate: { value: 0, unit: 'executors/s', samples: 0, source: 'fallback', basis: 'no ramp had two arrivals' },
    removalLag: { value: 12.1, unit: 's', samples: 8, source: 'log', basis: 'idle deadline to removal' },
    exitTime: { value: 12.1, unit: 's', samples: 8, source: 'log', basis: 'the log shows it as the removal lag' },
    launchDelay: {
      value: 0.009,
      unit: 's',
      samples: 20,
      min: 0.002,
      max: 4.1,
      source: 'log',
      basis: 'median over 20 stages of submission → first launch',
    },
    appTailSec: 4.5,
    knobs: { coldStartSec: 71.3, addLatencySec: 9.1, removalLagSec: 12.1 },
    summary: 'cold start 71.3–90.0 s (10 executors), add latency 9.1 s (3 ramps), removal lag 12.1 s (8)',
  };
}

/** How a replay of the logged configuration compared with the log (three jobs, the last one unfinished). */
export function sampleFidelity(): FidelityReport {
  return {
    jobWindow: { observedExecutorSeconds: 9_000, simulatedExecutorSeconds: 8_280, errorPct: -8 },
    appWindow: { observedExecutorSeconds: 9_840, simulatedExecutorSeconds: 9_000, errorPct: -8.5 },
    meanAbsExecutorError: 2.4,
    observedPeak: 22,
    simulatedPeak: 24,
    jobs: [
      { id: 0, observedSec: 120, simulatedSec: 126, errorSec: 6, errorPct: 5 },
      { id: 1, observedSec: 300, simulatedSec: 255, errorSec: -45, errorPct: -15 },
      { id: 2, observedSec: 80 },
    ],
    summary:
      'logged configuration replayed: executor-seconds within 9% of what happened (job window 8%), mean error 2.4 executors, peak 24 vs 22',
  };
}

/** A replay result of the logged configuration: the simulation with its calibration and fidelity. */
export function sampleReplayResult(): SimulationResult {
  return { ...sampleResult(), calibration: sampleCalibration(), fidelity: sampleFidelity() };
}

// ---------- the advisor ----------

const DRA = 'spark.dynamicAllocation.';

/**
 * What the advisor answers for an AWS-style DRA job (maxExecutors 40, shuffle tracking, 4-core executors) on a
 * wide-then-narrow workload: the file as written runs 7m 32s for $0.267, mostly idle executors pinned by shuffle
 * files; the frontier runs from 7m 11s to 18m 20s.
 */
export function sampleAdvice(): Advice {
  const point = (
    runtimeSec: number,
    costUsd: number,
    executorSeconds: number,
    changes: Record<string, string> = {},
    risks: string[] = [],
  ): AdvicePoint => ({ changes, runtimeSec, costUsd, executorSeconds, risks });
  const fastest = point(431, 0.29, 18_900, { [`${DRA}initialExecutors`]: '40' }, [
    'Starts 40 executors before any task needs them.',
  ]);
  const recommended = point(
    470,
    0.171,
    11_130,
    {
      [`${DRA}maxExecutors`]: '24',
      'spark.decommission.enabled': 'true',
      'spark.storage.decommission.shuffleBlocks.enabled': 'true',
    },
    [
      'Executors leaving with shuffle files migrate them first (about 4 s per GiB); a failed migration means recompute.',
    ],
  );
  const cheapest = point(1_100, 0.11, 7_160, { [`${DRA}maxExecutors`]: '8' }, [
    'The narrow stage waits for executors: runtime more than doubles.',
  ]);
  const frontier = [
    fastest,
    point(445, 0.232, 15_100, { [`${DRA}maxExecutors`]: '32', 'spark.decommission.enabled': 'true' }),
    recommended,
    point(520, 0.15, 9_760, { [`${DRA}maxExecutors`]: '16' }),
    point(640, 0.128, 8_330, { [`${DRA}maxExecutors`]: '12' }),
    point(820, 0.118, 7_680, { [`${DRA}maxExecutors`]: '10' }),
    cheapest,
  ];
  return {
    current: point(452, 0.267, 17_388),
    recommended,
    cheapest,
    fastest,
    frontier,
    heuristics: [
      {
        ...point(490, 0.244, 15_880, { [`${DRA}minExecutors`]: '0', [`${DRA}initialExecutors`]: '0' }),
        name: "Spark's defaults",
        meetsConstraint: false,
      },
      {
        ...point(444, 0.267, 17_360, { 'spark.dynamicAllocation.enabled': 'false', 'spark.executor.instances': '40' }),
        name: 'Static allocation',
        meetsConstraint: true,
      },
      {
        ...point(505, 0.205, 13_340, {
          [`${DRA}executorAllocationRatio`]: '0.5',
          [`${DRA}sustainedSchedulerBacklogTimeout`]: '15s',
        }),
        name: 'Ratio 0.5 + sustained 15s',
        meetsConstraint: false,
      },
      {
        ...point(452, 0.262, 17_050, { [`${DRA}minExecutors`]: '13' }),
        name: 'min = max(3, max/3)',
        meetsConstraint: true,
      },
    ],
    breakdown: {
      seconds: {
        busy: 11_800,
        'shuffle-pinned': 4_100,
        'cache-held': 0,
        'idle-timeout': 620,
        floor: 180,
        starting: 560,
        decommissioning: 128,
      },
      totalSec: 17_388,
    },
    verdict:
      '24% of executor time is idle executors kept for shuffle files of the running job; no timeout releases them. Storage decommissioning with shuffle migration, or a lower maxExecutors, would.',
    maxSlowdownPct: 5,
    candidates: 264,
    workload: { name: 'wide-then-narrow', jobs: 1, stages: 2, tasks: 2_050 },
    sparkVersion: '3.5.1',
    notes: ['Pod start latency is modelled as a fixed 6 s.'],
  };
}

// What a replay adds to a simulation result: the calibration measured in the log and the fidelity of the replay.

/** Where a calibrated value came from. */
export type CalibrationSource = 'request-time' | 'log' | 'fallback' | 'knob';

export interface CalibratedValue {
  /** The value the simulation uses (seconds, or executors per second for rates; 0 = no limit for rates). */
  value: number;
  unit: 's' | 'executors/s';
  /** Measurements behind the value (0 for a fallback or a knob). */
  samples: number;
  /** Smallest and largest measurement, when there were any. */
  min?: number;
  max?: number;
  source: CalibrationSource;
  /** How the value was found, or why the fallback applies, in a sentence. */
  basis: string;
}

export interface Calibration {
  /** Application start → registration of the executors asked for at start (value: the first of them). */
  coldStart: CalibratedValue;
  /** How fast the cluster delivered the executors asked for at start. */
  coldRate: CalibratedValue;
  /** Allocation-manager request → executor registration. */
  addLatency: CalibratedValue;
  /**
   * The first ramp's latency: requests made before the first added executor registered. Its own value only when the
   * log has ramps of both phases; otherwise equal to addLatency.
   */
  firstAddLatency: CalibratedValue;
  /** How fast the cluster delivered the executors of one ramp. */
  addRate: CalibratedValue;
  /** Idle deadline → executor removed. */
  removalLag: CalibratedValue;
  /** Told to exit → executor gone (the log cannot tell it apart from the removal lag). */
  exitTime: CalibratedValue;
  /** Stage submission → first task launch (the driver's scheduling time per stage). */
  launchDelay: CalibratedValue;
  /** The driver's time after the last job until the application ended (s). */
  appTailSec: number;
  /** The simulator knobs the calibration gives (user knobs win over these). */
  knobs: Record<string, number>;
  /** One line, e.g. "cold start 71.3–90.0 s (10 executors), add latency 9.1 s (3 ramps), removal lag 12.1 s (8)". */
  summary: string;
}

/** Executor-seconds of the observed and the simulated run over one window. */
export interface WindowFidelity {
  observedExecutorSeconds: number;
  simulatedExecutorSeconds: number;
  /** (simulated − observed) / observed × 100; 0 when both are 0. */
  errorPct: number;
}

export interface JobFidelity {
  id: number;
  observedSec: number;
  /** Absent when the simulation has no end for the job. */
  simulatedSec?: number;
  errorSec?: number;
  errorPct?: number;
  /**
   * The simulated duration is close enough to the logged one (see JOB_TARGET in eventlog/fidelity.ts); absent for a
   * job that failed in the log, whose logged end is when it failed or was cancelled, not when its work was done.
   */
  withinTarget?: boolean;
  /** The job did not succeed in the log: it failed, was cancelled, or was still running when the log ends. */
  failedInLog?: true;
}

export interface FidelityReport {
  /** From the first job's submission to the last job's end (each run's own). */
  jobWindow: WindowFidelity;
  /** From application start to application end. */
  appWindow: WindowFidelity;
  /** Mean of |observed − simulated| running executors, sampled every second over the application window. */
  meanAbsExecutorError: number;
  observedPeak: number;
  simulatedPeak: number;
  jobs: JobFidelity[];
  /** One line for the panel: "logged configuration replayed: executor-seconds within X% …". */
  summary: string;
}

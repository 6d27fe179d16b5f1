// The fidelity benchmark's measured code, bundled by bench/fidelity.mjs into out/bench/: each shared log replayed
// under its logged configuration twice — "before" (the typical pod latencies, stopping at the last job, as the replay
// did until calibration) and "after" (calibrated from the log, the whole application) — with the fidelity of each.
import { readEventLog } from '../server/src/engine/eventlog';
import { replayLoggedConfiguration } from '../server/src/engine/eventlog/replay-simulation';
import type { Calibration, FidelityReport } from '../protocol/simulation';

export interface FidelityRun {
  file: string;
  before: FidelityReport;
  after: FidelityReport;
  calibration: Calibration;
  /** Warm end-to-end time of the calibrated replay (read + calibrate + simulate), ms. */
  warmMs: number;
}

export async function fidelityOf(path: string): Promise<FidelityRun> {
  const log = await readEventLog(path);
  if (!log.ok) throw new Error(log.error);
  const before = replayLoggedConfiguration(log, { calibrate: false, wholeApplication: false });
  const after = replayLoggedConfiguration(log);
  if (!before.ok) throw new Error(before.problem.message);
  if (!after.ok) throw new Error(after.problem.message);
  if (!before.value.fidelity || !after.value.fidelity || !after.value.calibration)
    throw new Error('the replay gave no fidelity report');
  const t0 = performance.now();
  const again = await readEventLog(path);
  if (again.ok) replayLoggedConfiguration(again);
  const warmMs = performance.now() - t0;
  return {
    file: path,
    before: before.value.fidelity,
    after: after.value.fidelity,
    calibration: after.value.calibration,
    warmMs,
  };
}

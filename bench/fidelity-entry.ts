// The fidelity benchmark's measured code, bundled by bench/fidelity.mjs into out/bench/: each shared log replayed
// under its logged configuration twice — "before" (the typical pod latencies, stopping at the last job, as the replay
// did until calibration) and "after" (calibrated from the log, the whole application) — with the fidelity of each.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readEventLog } from '../server/src/engine/eventlog';
import { configureDecoderThread, DECODER_BUNDLE } from '../server/src/engine/eventlog/decoder-thread';
import { replayLoggedConfiguration } from '../server/src/engine/eventlog/replay-simulation';
import type { Calibration, FidelityReport } from '../protocol/simulation';

export interface FidelityRun {
  file: string;
  before: FidelityReport;
  after: FidelityReport;
  calibration: Calibration;
  /** Warm end-to-end time of the calibrated replay (read + calibrate + simulate), ms: the median of WARM_RUNS. */
  warmMs: number;
  /** Whether large zstd logs were decoded in the decoder thread, as the CLI and the language server decode them. */
  decoderThread: boolean;
}

const WARM_RUNS = 5;

// The CLI and the language server decode large zstd logs in a second thread, from the bundle next to theirs
// (dist/eventlog-decoder.js). This bundle runs from out/bench/, so it is pointed at the built one, to measure the
// path users wait for; without a build, logs are decoded in this thread (and the output says so).
const decoderBundle = resolve(__dirname, '../../dist', DECODER_BUNDLE);
const decoderThread = existsSync(decoderBundle);
if (decoderThread) configureDecoderThread({ path: decoderBundle });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
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
  // Warm: the code is compiled and optimised by the runs above; nothing read or computed is kept between runs.
  const runs: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const t0 = performance.now();
    const again = await readEventLog(path);
    if (again.ok) replayLoggedConfiguration(again);
    runs.push(performance.now() - t0);
  }
  return {
    file: path,
    before: before.value.fidelity,
    after: after.value.fidelity,
    calibration: after.value.calibration,
    warmMs: median(runs),
    decoderThread,
  };
}

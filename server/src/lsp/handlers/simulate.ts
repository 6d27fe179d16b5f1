// sparkDra/simulate → the engine's job simulation.
import type { SimulateParams, SimulateResponse } from '../../protocol';
import type { Analysis } from '../documents';
import type { ServerSettings } from '../settings';

export function simulateFor(analysis: Analysis, params: SimulateParams, settings: ServerSettings): SimulateResponse {
  void analysis;
  void params;
  void settings;
  return { ok: false, error: 'The simulator is not wired yet.' };
}

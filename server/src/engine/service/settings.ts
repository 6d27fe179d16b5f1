// What the engine is configured with: the same for every document the service opens.
import type { SeveritySetting } from '../rules/types';
import type { Prices } from '../simulator/prices';
import { DEFAULT_SPARK_VERSION } from '../version';

export interface EngineSettings {
  /** Spark version for jobs whose file does not say which one they run. */
  defaultSparkVersion: string;
  /** Severity per rule id (or `off`). */
  rules: Readonly<Record<string, SeveritySetting>>;
  /** Prices for the cost model; missing ones take the simulator's defaults. */
  prices: Partial<Prices>;
  /** Simulator knobs every run starts from (a request's own knobs win). */
  knobs: Readonly<Record<string, number>>;
}

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  defaultSparkVersion: DEFAULT_SPARK_VERSION,
  rules: {},
  prices: {},
  knobs: {},
};

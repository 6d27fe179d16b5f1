// How a replay carries the log's slot waits into another configuration. The waits are what delay scheduling
// (spark.locality.wait, 3s by default) cost in the logged run, so a what-if with another wait scales them by
// new wait / logged wait, and a wait of 0 drops them. When the log itself ran with a wait of 0, its waits are the
// scheduler's own launch latency, which no locality setting changes: they stay. The per-level keys
// (spark.locality.wait.process/node/rack) default to spark.locality.wait and are not read separately.
import { parseDuration } from '../values/index';

const KEY = 'spark.locality.wait';
const DEFAULT_MS = 3000;

function waitMs(conf: Readonly<Record<string, string>>): number {
  const text = conf[KEY];
  if (text === undefined) return DEFAULT_MS;
  const r = parseDuration(text, 'ms');
  return r.ok ? Math.max(0, r.value) : DEFAULT_MS;
}

/** The factor applied to the logged waits when `target` replaces the logged configuration `logged`. */
export function localityWaitScale(
  logged: Readonly<Record<string, string>>,
  target: Readonly<Record<string, string>>,
): number {
  const before = waitMs(logged);
  if (before === 0) return 1;
  return waitMs(target) / before;
}

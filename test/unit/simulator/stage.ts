// A hand-built stage for simulator tests: `tasks` tasks of `seconds` each, no parents unless `extra` says so.
import type { Stage } from '../../../server/src/engine/workload/types';

export function stage(id: number, tasks: number, seconds: number, extra: Partial<Stage> = {}): Stage {
  return {
    id,
    parents: [],
    tasks,
    duration: { kind: 'constant', seconds },
    shuffleMap: false,
    cached: false,
    ...extra,
  };
}

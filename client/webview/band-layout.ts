// Where the job, stage and executor bands go: spans in seconds, put in lanes so overlapping spans do not cover each
// other (parallel stages, executors alive together). Pure: the chart turns seconds into pixels.
import type { ExecutorLifetime, SimulatedJob, SimulatedStage } from '../../protocol/simulation';
import { formatClock, formatDuration } from './format';

export interface Span {
  startSec: number;
  /** Where it ends on the chart: its end, or the run's end when it had not ended. */
  endSec: number;
  lane: number;
  /** Shown on hover. */
  title: string;
  /** Still running when the run stopped. */
  open: boolean;
}

export interface BandLayout {
  spans: Span[];
  lanes: number;
}

function timeText(start: number, end: number | undefined, runEnd: number): string {
  if (end === undefined) return `${formatClock(start)} → still running at ${formatClock(runEnd)}`;
  return `${formatClock(start)} → ${formatClock(end)} (${formatDuration(end - start)})`;
}

/** Greedy lanes: each span goes to the first lane free at its start. Spans must come sorted by start. */
function placeInLanes<T extends { startSec: number; endSec: number }>(
  items: readonly T[],
): { item: T; lane: number }[] {
  const laneEnds: number[] = [];
  return items.map((item) => {
    let lane = laneEnds.findIndex((end) => end <= item.startSec);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(item.endSec);
    } else laneEnds[lane] = item.endSec;
    return { item, lane };
  });
}

function layout<T extends { startSec: number; endSec?: number }>(
  items: readonly T[],
  runEnd: number,
  title: (item: T) => string,
): BandLayout {
  const sorted = [...items]
    .map((item) => ({ item, startSec: item.startSec, endSec: item.endSec ?? Math.max(item.startSec, runEnd) }))
    .sort((a, b) => a.startSec - b.startSec);
  let lanes = 0;
  const spans = placeInLanes(sorted).map(({ item, lane }): Span => {
    lanes = Math.max(lanes, lane + 1);
    return {
      startSec: item.startSec,
      endSec: item.endSec,
      lane,
      title: title(item.item),
      open: item.item.endSec === undefined,
    };
  });
  return { spans, lanes };
}

export function jobBands(jobs: readonly SimulatedJob[], runEnd: number): BandLayout {
  return layout(jobs, runEnd, (j) => `Job ${j.id}: ${timeText(j.startSec, j.endSec, runEnd)}`);
}

export function stageBands(stages: readonly SimulatedStage[], runEnd: number): BandLayout {
  return layout(stages, runEnd, (s) => `Stage ${s.id}: ${timeText(s.startSec, s.endSec, runEnd)}`);
}

/** One lane per executor, in the order they were added (like the Spark UI's event timeline). */
export function executorBands(executors: readonly ExecutorLifetime[], runEnd: number, max: number): BandLayout {
  const shown = [...executors].sort((a, b) => a.addedSec - b.addedSec).slice(0, max);
  const spans = shown.map((e, lane): Span => ({
    startSec: e.addedSec,
    endSec: e.removedSec ?? Math.max(e.addedSec, runEnd),
    lane,
    open: e.removedSec === undefined,
    title: `Executor ${e.id}: ${timeText(e.addedSec, e.removedSec, runEnd)}${e.removedSec === undefined ? '' : `, removed after ${e.reason}`}`,
  }));
  return { spans, lanes: spans.length };
}

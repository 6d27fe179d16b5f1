// Built-in workloads, written in the user-facing JSON format (docs/workload-format.md) and validated on first use.
// Sized for tens of 4-core executors: each finishes in roughly 10–60 simulated minutes.
import { parseWorkload } from './parse';
import type { Workload } from './types';

export interface WorkloadPreset {
  name: string;
  /** One line, shown in pickers and CLI help. */
  description: string;
  workload: Workload;
}

interface PresetSource {
  name: string;
  description: string;
  json: unknown;
}

const SOURCES: readonly PresetSource[] = [
  {
    name: 'wide-then-narrow',
    description:
      'A wide map stage (2,000 tasks of ~20 s) then a narrow reduce (50 tasks of ~2 min): idle executors should go.',
    json: {
      name: 'wide-then-narrow',
      seed: 11,
      executor: { cores: 4, taskCpus: 1 },
      jobs: [
        {
          id: 0,
          name: 'aggregate',
          submitAt: 5,
          stages: [
            {
              id: 0,
              name: 'scan + map',
              tasks: 2000,
              duration: { kind: 'lognormal', params: { median: 20, sigma: 0.25 } },
            },
            {
              id: 1,
              name: 'reduce',
              parents: [0],
              tasks: 50,
              duration: { kind: 'normal', params: { mean: 120, stddev: 15 } },
            },
          ],
        },
      ],
    },
  },
  {
    name: 'interactive-burst',
    description: 'Eight short queries (a few seconds of work each) separated by idle gaps of 2–6 minutes.',
    json: {
      name: 'interactive-burst',
      seed: 23,
      executor: { cores: 4, taskCpus: 1 },
      jobs: [0, 1, 2, 3, 4, 5, 6, 7].map((q) => ({
        id: q,
        name: `query ${q + 1}`,
        ...(q === 0 ? { submitAt: 10 } : { gapAfterPrevious: [0, 180, 240, 120, 360, 300, 150, 270][q] }),
        stages: [
          { id: 2 * q, name: 'scan', tasks: 200, duration: { kind: 'lognormal', params: { median: 3, sigma: 0.4 } } },
          {
            id: 2 * q + 1,
            name: 'aggregate',
            parents: [2 * q],
            tasks: 20,
            duration: { kind: 'uniform', params: { min: 1, max: 3 } },
          },
        ],
      })),
    },
  },
  {
    name: 'etl-with-cache',
    description: 'A long ETL that caches a cleaned dataset, then four reports that reuse it a minute apart.',
    json: {
      name: 'etl-with-cache',
      seed: 37,
      executor: { cores: 4, taskCpus: 1 },
      jobs: [
        {
          id: 0,
          name: 'build cleaned dataset',
          submitAt: 5,
          stages: [
            {
              id: 0,
              name: 'read raw',
              tasks: 1200,
              duration: { kind: 'lognormal', params: { median: 15, sigma: 0.3 } },
            },
            {
              id: 1,
              name: 'clean + persist',
              parents: [0],
              tasks: 400,
              cached: true,
              duration: { kind: 'normal', params: { mean: 25, stddev: 5 } },
            },
          ],
        },
        ...[1, 2, 3, 4].map((r) => ({
          id: r,
          name: `report ${r}`,
          gapAfterPrevious: 60,
          stages: [
            { id: 2 * r, name: 'read cache', tasks: 400, duration: { kind: 'uniform', params: { min: 2, max: 6 } } },
            {
              id: 2 * r + 1,
              name: 'summarise',
              parents: [2 * r],
              tasks: 50,
              duration: { kind: 'normal', params: { mean: 10, stddev: 2 } },
            },
          ],
        })),
      ],
    },
  },
  {
    name: 'steady',
    description: 'Ten back-to-back jobs of 400 tasks of 25–35 s each: a constant load.',
    json: {
      name: 'steady',
      seed: 41,
      executor: { cores: 4, taskCpus: 1 },
      jobs: Array.from({ length: 10 }, (_, j) => ({
        id: j,
        ...(j === 0 ? { submitAt: 5 } : { gapAfterPrevious: 5 }),
        stages: [
          { id: j, name: `batch ${j + 1}`, tasks: 400, duration: { kind: 'uniform', params: { min: 25, max: 35 } } },
        ],
      })),
    },
  },
];

let cache: WorkloadPreset[] | undefined;

/** Every built-in preset. A preset that fails validation is a bug in this file; it is left out (tests catch it). */
export function workloadPresets(): readonly WorkloadPreset[] {
  if (!cache) {
    cache = [];
    for (const src of SOURCES) {
      const parsed = parseWorkload(src.json);
      if (parsed.ok) cache.push({ name: src.name, description: src.description, workload: parsed.value });
    }
  }
  return cache;
}

/** The names of the built-in presets, in display order (including any that failed validation). */
export const PRESET_NAMES: readonly string[] = SOURCES.map((s) => s.name);

export function getPreset(name: string): WorkloadPreset | undefined {
  return workloadPresets().find((p) => p.name === name);
}

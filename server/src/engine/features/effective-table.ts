// The effective configuration of a job as rows: every key the job writes, then every other catalogued key.
import { effectiveConfig } from '../effective';
import type { JobConfig } from '../model';
import { describeOrigin } from './describe';

export interface EffectiveRow {
  key: string;
  value: string | undefined;
  /** Where the value comes from, in words. */
  source: string;
  /** The default for the job's Spark version. */
  defaultValue: string | undefined;
  /** Offset of the winning entry, when the job writes the key. */
  offset?: number;
  written: boolean;
}

export function effectiveRows(job: JobConfig, sparkVersion: string): EffectiveRow[] {
  const rows: EffectiveRow[] = [];
  for (const value of effectiveConfig(job, sparkVersion).values()) {
    const defaultValue = value.default?.value ?? value.default?.display;
    let source: string;
    if (value.source === 'entry' && value.entry) source = describeOrigin(value.entry).replace(/`/g, '');
    else if (value.source === 'fallback') source = `falls back to ${value.fallbackFrom ?? 'another key'}`;
    else source = `default for Spark ${sparkVersion}`;
    rows.push({
      key: value.key,
      value: value.value ?? value.default?.display,
      source,
      defaultValue,
      offset: value.entry?.keyRange.start,
      written: value.source === 'entry',
    });
  }
  return rows.sort((a, b) => Number(b.written) - Number(a.written) || a.key.localeCompare(b.key));
}

// The Spark versions offered by "Select Spark Version", as Quick Pick items. Pure.

export interface SparkVersionChoice {
  version: string;
  /** Why a person might pick it: the EMR releases that ship it, or a behaviour that starts there. */
  note?: string;
}

/** Oldest first: the last release of each old line, and every 3.4+ release where allocation behaviour changed. */
export const SPARK_VERSIONS: readonly SparkVersionChoice[] = [
  { version: '2.4.8' },
  { version: '3.0.3' },
  { version: '3.1.3', note: 'unschedulable task sets ask for executors (3.1.0+)' },
  { version: '3.2.4' },
  { version: '3.3.4' },
  { version: '3.4.0', note: 'EMR 6.12' },
  { version: '3.4.1', note: 'EMR 6.13–6.15; idle timeout = max of idle, cached, shuffle' },
  { version: '3.4.4' },
  { version: '3.5.0', note: 'EMR 7.0–7.1' },
  { version: '3.5.1', note: 'EMR 7.2–7.3' },
  { version: '3.5.2', note: 'EMR 7.4–7.5' },
  { version: '3.5.3', note: 'EMR 7.6–7.7' },
  { version: '3.5.4', note: 'EMR 7.8' },
  { version: '3.5.5', note: 'EMR 7.9–7.10' },
  { version: '3.5.6', note: 'EMR 7.11–7.13' },
  { version: '4.0.0', note: 'pod batch size 10' },
  { version: '4.0.1' },
  { version: '4.1.0' },
  { version: '4.2.0', note: 'unreleased; pod batch size 20' },
];

/** What choosing an item does: set a version, or clear the override so the file's own version is used again. */
export type VersionPickAction = { kind: 'set'; version: string } | { kind: 'clear' };

export interface VersionPickItem {
  label: string;
  description?: string;
  detail?: string;
  action: VersionPickAction;
  picked?: boolean;
}

/**
 * Quick Pick items: "Detect from file" first, then every version, newest first. `current` is the version in use,
 * `override` the one the user chose for this file (if any).
 */
export function versionPickItems(options: { current?: string; override?: string }): VersionPickItem[] {
  const detect: VersionPickItem = {
    label: '$(search) Detect from file',
    description: options.override === undefined ? 'in use' : undefined,
    detail: 'Use the releaseLabel, spec.sparkVersion or spark-dra comment, else the sparkDra.defaultSparkVersion setting.',
    action: { kind: 'clear' },
  };
  const items: VersionPickItem[] = [detect];
  for (const choice of [...SPARK_VERSIONS].reverse()) {
    const marks: string[] = [];
    if (choice.version === options.override) marks.push('chosen for this file');
    else if (options.override === undefined && choice.version === options.current) marks.push('detected');
    const description = [...marks, ...(choice.note ? [choice.note] : [])].join(' · ');
    items.push({
      label: `Spark ${choice.version}`,
      description: description || undefined,
      action: { kind: 'set', version: choice.version },
      picked: choice.version === (options.override ?? options.current),
    });
  }
  return items;
}

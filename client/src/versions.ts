// The Spark versions offered by "Select Spark Version", as Quick Pick items. Pure: the versions on offer come from
// the server (sparkDra/serverFacts), whose engine knows what sets each apart.
import type { ServerFacts } from '../../protocol/requests';

export type SparkVersionChoice = ServerFacts['sparkVersions'][number];

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
export function versionPickItems(
  choices: readonly SparkVersionChoice[],
  options: { current?: string; override?: string },
): VersionPickItem[] {
  const detect: VersionPickItem = {
    label: '$(search) Detect from file',
    description: options.override === undefined ? 'in use' : undefined,
    detail:
      'Use the releaseLabel, spec.sparkVersion or spark-dra comment, else the sparkDra.defaultSparkVersion setting.',
    action: { kind: 'clear' },
  };
  const items: VersionPickItem[] = [detect];
  for (const choice of [...choices].reverse()) {
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

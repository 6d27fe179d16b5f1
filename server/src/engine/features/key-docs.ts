// Markdown describing a catalog key for a given Spark version; shared by completion and hover.
import { defaultFor } from '../catalog';
import type { KeyInfo, VersionedDefault } from '../catalog/types';
import { BYTE_UNIT_NAME } from '../values';
import { compareVersions } from '../version';

const UNIT_NAMES: Record<string, string> = {
  us: 'microseconds',
  ms: 'milliseconds',
  s: 'seconds',
  min: 'minutes',
  h: 'hours',
  d: 'days',
  ...BYTE_UNIT_NAME,
};

/** `duration (bare number = seconds)`, `boolean`, … */
export function typeLabel(info: KeyInfo): string {
  const names: Record<KeyInfo['type'], string> = {
    bool: 'boolean',
    int: 'integer',
    double: 'decimal number',
    duration: 'duration',
    size: 'size',
    string: 'string',
    class: 'class name',
    enum: 'one of a fixed set',
    quantity: 'Kubernetes quantity',
  };
  const unit = info.unit ? UNIT_NAMES[info.unit] : undefined;
  return unit ? `${names[info.type]} (bare number = ${unit})` : names[info.type];
}

/** How a default reads to a person. */
export function showDefault(d: VersionedDefault | undefined): string {
  if (!d || d.value === undefined) return d?.display ?? 'not set';
  return d.display ? `${d.display} (\`${d.value}\`)` : `\`${d.value}\``;
}

/** One line for completion lists: type and default for the version. */
export function keyDetail(info: KeyInfo, version: string): string {
  const d = defaultFor(info, version);
  const dflt = d.value === undefined ? (d.display ?? 'no default') : (d.display ?? d.value);
  return `${typeLabel(info)} · default ${dflt} in Spark ${version}`;
}

/** The history of the default, newest change last, when it changed at all. */
export function defaultHistory(info: KeyInfo): string | undefined {
  if (info.defaults.length < 2) return undefined;
  return info.defaults
    .map(
      (d, i) => `${i === 0 ? `from ${d.since}` : `since ${d.since}`}: ${showDefault(d)}${d.note ? ` (${d.note})` : ''}`,
    )
    .join('; ');
}

/** Whether the job's version runs with a different default than the newest Spark, or an older one. */
export function defaultChangeNote(info: KeyInfo, version: string): string | undefined {
  if (info.defaults.length < 2) return undefined;
  const current = defaultFor(info, version);
  const index = info.defaults.indexOf(current);
  const previous = index > 0 ? info.defaults[index - 1] : undefined;
  const next = info.defaults[index + 1];
  const parts: string[] = [];
  if (previous) parts.push(`changed in ${current.since} (was ${showDefault(previous)})`);
  if (next) parts.push(`becomes ${showDefault(next)} in ${next.since}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** Full markdown documentation of a key for the job's Spark version. */
export function keyDocumentation(info: KeyInfo, version: string): string {
  const d = defaultFor(info, version);
  const lines = [info.doc, ''];
  lines.push(`- **Type:** ${typeLabel(info)}`);
  const change = defaultChangeNote(info, version);
  lines.push(`- **Default in Spark ${version}:** ${showDefault(d)}${change ? ` — ${change}` : ''}`);
  if (info.fallbackKey) lines.push(`- **When unset:** takes the value of \`${info.fallbackKey}\``);
  if (info.provider) {
    const release = info.provider.since ? ` ${info.provider.since}` : '';
    lines.push(`- **Read by:** ${info.provider.name}${release}, not by Spark itself`);
  } else {
    const newer = compareVersions(info.since, version) > 0;
    lines.push(
      `- **Since:** Spark ${info.since}${newer ? ` ⚠ newer than this job's Spark ${version}: ignored there` : ''}`,
    );
  }
  if (info.constraint) lines.push(`- **Constraint:** ${info.constraint}`);
  if (info.related.length > 0) lines.push(`- **Related:** ${info.related.map((k) => `\`${k}\``).join(', ')}`);
  return lines.join('\n');
}

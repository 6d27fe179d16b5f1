// Hover on a key, a value or a version source: our doc, the default for the job's Spark and the effective value.
import { defaultFor, isOtherKnownKey, lookupKey, OWNED_PREFIXES } from '../catalog';
import type { KeyInfo } from '../catalog/types';
import type { ConfigEntry, JobConfig, ParsedFile, Range, SparkVersionSource, StorageClassInfo } from '../model';
import { rangeContains } from '../model';
import { parseDuration, parseSize } from '../values';
import { describeOrigin, lineOf } from './describe';
import { JobIndex } from './job-index';
import { keyDocumentation, showDefault } from './key-docs';
import { sparkDocsLink } from './spark-docs-link';
import { storageClassSection } from './storage-class-hover';

export interface HoverInput {
  text: string;
  parsed: ParsedFile;
  offset: number;
  versionOf: (job: JobConfig) => SparkVersionSource;
  /** StorageClasses found outside this file, for hover on `options.storageClass` values. */
  workspaceStorageClasses?: readonly StorageClassInfo[];
  /** What is known of a job for this document version (kept between requests); built for this request without it. */
  indexOf?: (job: JobConfig) => JobIndex;
  /** 1-based line of an offset of `text` (the document's own line index); a shared one without it. */
  lineOf?: (offset: number) => number;
}

export interface HoverResult {
  markdown: string;
  range: Range;
}

export function hover(input: HoverInput): HoverResult | undefined {
  for (const job of input.parsed.jobs) {
    if (!rangeContains(job.range, input.offset)) continue;
    const version = input.versionOf(job);
    const source = job.sparkVersion;
    if (source?.range && rangeContains(source.range, input.offset)) {
      return { markdown: versionHover(source, version), range: source.range };
    }
    const entry = job.entries.find(
      (e) =>
        rangeContains(e.keyRange, input.offset) ||
        (e.valueRange.end > e.valueRange.start && rangeContains(e.valueRange, input.offset)),
    );
    if (entry?.origin === 'operator-default') return { markdown: operatorDefaultsHover(job), range: entry.keyRange };
    if (entry) {
      const storageClass = storageClassSection(entry, input.parsed, input.workspaceStorageClasses ?? []);
      const index = input.indexOf?.(job) ?? new JobIndex(job, version.version);
      const lineAt = input.lineOf ?? ((offset: number) => lineOf(input.text, offset));
      const markdown = entryHover(index, entry, version.version, lineAt);
      return {
        markdown: storageClass !== undefined ? `${markdown}\n\n${storageClass}` : markdown,
        range: hoverRange(entry, input.offset),
      };
    }
  }
  return undefined;
}

/** The values an operator sets only when the job leaves the keys unset (they all point at the field that brings them). */
function operatorDefaultsHover(job: JobConfig): string {
  const lines = job.entries
    .filter((entry) => entry.origin === 'operator-default')
    .map((entry) => `- \`${entry.key}\` = \`${entry.value}\``);
  return [
    '**Set by the Apache Spark Kubernetes Operator** unless this job sets them itself:',
    '',
    ...lines,
    '',
    'A `spec.sparkConf` entry for one of these keys replaces the operator value.',
  ].join('\n');
}

function hoverRange(entry: ConfigEntry, offset: number): Range {
  return rangeContains(entry.keyRange, offset) ? entry.keyRange : entry.valueRange;
}

function versionHover(source: SparkVersionSource, used: SparkVersionSource): string {
  if (source.unresolved) {
    return `**Spark version unknown** for \`${source.raw ?? ''}\`. spark-dra assumes Spark ${used.version} (${used.from}); set \`sparkDra.defaultSparkVersion\` or add a \`spark-dra: sparkVersion=X\` comment.`;
  }
  const from = source.from === 'releaseLabel' ? `EMR release \`${source.raw ?? ''}\` ships` : 'This job declares';
  return `${from} **Spark ${source.version}**. Defaults and checks follow that version.`;
}

function entryHover(index: JobIndex, entry: ConfigEntry, version: string, lineAt: (offset: number) => number): string {
  const info = lookupKey(entry.key);
  const title =
    entry.writtenAs && entry.writtenAs !== entry.key ? `\`${entry.writtenAs}\` → **${entry.key}**` : `**${entry.key}**`;
  const parts = [title, ''];
  if (info) parts.push(keyDocumentation(info, version));
  else if (isOtherKnownKey(entry.key)) parts.push('A Spark key outside what spark-dra describes in detail.');
  else if (OWNED_PREFIXES.some((p) => entry.key.startsWith(p))) {
    parts.push(`Spark ${version} has no such key: it will be ignored. Check the spelling.`);
  } else parts.push('Not a key spark-dra describes.');
  parts.push('', effectiveLine(index, entry, version, info, lineAt));
  const reading = info ? valueReading(info, entry.value, version) : undefined;
  if (reading) parts.push('', reading);
  const docs = info || isOtherKnownKey(entry.key) ? sparkDocsLink(entry.key, version, info) : undefined;
  if (docs) parts.push('', `[${docs.label}](${docs.url})`);
  return parts.join('\n');
}

/** Where the value Spark uses comes from. */
function effectiveLine(
  index: JobIndex,
  entry: ConfigEntry,
  version: string,
  info: KeyInfo | undefined,
  lineAt: (offset: number) => number,
): string {
  const effective = index.effective(entry.key);
  const winner = effective.entry;
  if (winner === entry) {
    const overridden = effective.overridden.length;
    const also = overridden > 0 ? ` (overrides ${overridden} earlier ${overridden === 1 ? 'entry' : 'entries'})` : '';
    const same = info && defaultFor(info, version).value === entry.value ? ' — same as the default' : '';
    return `**Effective value:** \`${entry.value}\` from this entry${also}${same}.`;
  }
  if (winner) {
    return `**Overridden:** Spark uses \`${winner.value}\` from ${describeOrigin(winner)} (line ${lineAt(winner.keyRange.start)}), which takes precedence over this entry.`;
  }
  const fallback = effective.default ? showDefault(effective.default) : 'unset';
  return `**Not applied:** this entry is ignored here; Spark uses ${effective.value !== undefined ? `\`${effective.value}\`` : fallback}.`;
}

/** How Spark reads a duration or size value, when that is not obvious. */
function valueReading(info: KeyInfo, value: string, version: string): string | undefined {
  if (info.type === 'duration' && info.unit && (info.unit === 's' || info.unit === 'ms')) {
    const parsed = parseDuration(value, info.unit);
    if (!parsed.ok) return `⚠ Spark cannot read \`${value}\`: ${parsed.error}`;
    return `Spark reads \`${value}\` as **${parsed.value} ${info.unit}**${parsed.note ? ` — ${parsed.note}` : ''}.`;
  }
  if (info.type === 'size' && info.unit && ['b', 'k', 'm', 'g'].includes(info.unit)) {
    const parsed = parseSize(value, info.unit as 'b' | 'k' | 'm' | 'g', version);
    if (!parsed.ok) return `⚠ Spark cannot read \`${value}\`: ${parsed.error}`;
    return `Spark reads \`${value}\` as **${parsed.value} ${info.unit === 'b' ? 'bytes' : `${info.unit.toUpperCase()}iB`}**.`;
  }
  return undefined;
}

// Completion of Spark keys and values, in engine terms. The LSP layer only converts ranges and kinds.
import { allKeys, defaultFor, lookupKey, parseVolumeKey, volumeTypes } from '../catalog';
import type { KeyInfo } from '../catalog/types';
import type { CompletionContext, JobConfig, ParsedFile } from '../model';
import { completionContextAt, type SourceFile } from '../locators';
import { compareVersions } from '../version';
import { JobIndex, volumeId, volumeNamedBy, type NamedVolume } from './job-index';
import { keyDetail, keyDocumentation } from './key-docs';
import { completeReleaseLabels } from './release-label-completion';
import { valueSuggestions } from './value-suggestions';
import type { EngineCompletionItem } from './completion-item';

export type { EngineCompletionItem } from './completion-item';

export interface CompletionInput {
  file: SourceFile;
  parsed: ParsedFile;
  offset: number;
  /** The Spark version the job runs, after file, settings and fallback. */
  sparkVersionOf: (job: JobConfig) => string;
  /** Names of StorageClasses known in the workspace, offered for `options.storageClass`. */
  storageClassNames?: string[];
  /** What is known of a job for this document version (kept between requests); built for this request without it. */
  indexOf?: (job: JobConfig) => JobIndex;
}

export function complete(input: CompletionInput): EngineCompletionItem[] {
  const context = completionContextAt(input.file, input.parsed, input.offset);
  if (!context) return [];
  if (context.kind === 'release-label') return completeReleaseLabels(context);
  const version = input.sparkVersionOf(context.job);
  if (context.kind === 'key') {
    const index = input.indexOf?.(context.job) ?? new JobIndex(context.job, version);
    return completeKeys(context, input.file.text, version, index);
  }
  if (context.kind === 'field') return completeFields(context, version);
  return completeValues(context, version, input.storageClassNames ?? []);
}

type KeyContext = Extract<CompletionContext, { kind: 'key' }>;
type ValueContext = Extract<CompletionContext, { kind: 'value' }>;
type FieldContext = Extract<CompletionContext, { kind: 'field' }>;

/** Operator field names, with the Spark key each writes and that key's doc for the job's version. */
function completeFields(context: FieldContext, version: string): EngineCompletionItem[] {
  return context.fields.map((field, index) => {
    const info = field.sparkKey !== undefined ? lookupKey(field.sparkKey) : undefined;
    const writes = field.sparkKey !== undefined ? `\n\nThe operator passes it to Spark as \`${field.sparkKey}\`.` : '';
    const keyDoc = info ? `\n\n---\n\n${keyDocumentation(info, version)}` : '';
    const name = escapeSnippet(field.name);
    return {
      label: field.name,
      kind: 'key' as const,
      insertText: context.nameOnly ? name : `${name}: \${1:${escapeSnippet(field.valueHint)}}`,
      snippet: true,
      replace: context.replace,
      detail: field.sparkKey ?? 'operator field',
      documentation: `${field.doc}${writes}${keyDoc}`,
      filterText: field.name,
      sortText: String(index).padStart(2, '0'),
    };
  });
}

/** True for a key the job already writes (the key being edited is not counted: it is being replaced). */
type IsPresent = (key: string) => boolean;

function completeKeys(context: KeyContext, text: string, version: string, index: JobIndex): EngineCompletionItem[] {
  const editedKey = text.slice(context.replace.start, context.replace.end);
  // Keys the platform only implies are still worth offering: writing one is how the job overrides it.
  const written = index.keysWritten();
  const present: IsPresent = (key) => key !== editedKey && written.has(key);
  const items: EngineCompletionItem[] = [];
  for (const info of allKeys()) {
    if (info.internal || present(info.key)) continue;
    const newer = compareSince(info.since, version);
    items.push({
      label: info.key,
      kind: 'key',
      insertText: writeKey(context, text, escapeSnippet(info.key), valuePlaceholder(info, version)),
      snippet: true,
      replace: context.replace,
      detail: keyDetail(info, version),
      docsFor: { key: info.key, version },
      filterText: info.key,
      // Keys the job's Spark knows first, then the rest.
      sortText: `${newer ? '1' : '0'}${info.key}`,
      newerThanJob: newer,
    });
  }
  items.push(...namedVolumeOptions(context, text, version, present, index));
  items.push(...volumeTemplates(context, text, version));
  return items;
}

/**
 * The options a volume that already has a name can still take: for the volume being typed
 * (`spark.kubernetes.executor.volumes.persistentVolumeClaim.data.`) and for every volume the job names. Each item is
 * the full key with the real name, so an editor filtering on the typed text keeps it (a `<name>` template would not
 * match `…persistentVolumeClaim.data.`).
 */
function namedVolumeOptions(
  context: KeyContext,
  text: string,
  version: string,
  present: IsPresent,
  index: JobIndex,
): EngineCompletionItem[] {
  // The volume being typed first, then those the job names.
  const volumes = new Map<string, NamedVolume>();
  const typed = volumeNamedBy(text.slice(context.replace.start, context.replace.end));
  if (typed) volumes.set(volumeId(typed), typed);
  for (const [id, volume] of index.namedVolumes()) if (!volumes.has(id)) volumes.set(id, volume);
  const items: EngineCompletionItem[] = [];
  for (const { role, type, name } of volumes.values()) {
    const typeInfo = volumeTypes().find((candidate) => candidate.type === type);
    if (!typeInfo) continue;
    const suffixes = [...typeInfo.required, 'mount.path', ...typeInfo.optional, 'mount.readOnly', 'mount.subPath'];
    for (const suffix of [...new Set(suffixes)]) {
      const key = `spark.kubernetes.${role}.volumes.${type}.${name}.${suffix}`;
      const info = lookupKey(key);
      if (!info || present(key)) continue;
      const newer = compareSince(info.since, version);
      items.push({
        label: key,
        kind: 'key',
        insertText: writeKey(context, text, escapeSnippet(key), volumeValuePlaceholder(type, suffix)),
        snippet: true,
        replace: context.replace,
        detail: `${type} volume ${name} · ${suffix}`,
        docsFor: { key, version },
        filterText: key,
        sortText: `${newer ? '1' : '0'}${key}`,
        newerThanJob: newer,
      });
    }
  }
  return items;
}

/** Volume keys as snippets with the volume name as the first tab stop. */
function volumeTemplates(context: KeyContext, text: string, version: string): EngineCompletionItem[] {
  const items: EngineCompletionItem[] = [];
  for (const role of ['executor', 'driver'] as const) {
    for (const type of volumeTypes()) {
      const suffixes = [...type.required, 'mount.path', ...type.optional, 'mount.readOnly', 'mount.subPath'];
      for (const suffix of [...new Set(suffixes)]) {
        const sample = `spark.kubernetes.${role}.volumes.${type.type}.${defaultVolumeName(type.type)}.${suffix}`;
        const info = lookupKey(sample);
        if (!info) continue;
        const label = `spark.kubernetes.${role}.volumes.${type.type}.<name>.${suffix}`;
        const keySnippet =
          `spark.kubernetes.${role}.volumes.${type.type}.\${1:${defaultVolumeName(type.type)}}.` +
          escapeSnippet(suffix);
        const newer = compareSince(info.since, version);
        items.push({
          label,
          kind: 'template',
          insertText: writeKey(context, text, keySnippet, volumeValuePlaceholder(type.type, suffix), 2),
          snippet: true,
          replace: context.replace,
          detail: `${type.type} volume · ${suffix}`,
          docsFor: { key: sample, version },
          filterText: label,
          sortText: `${newer ? '3' : '2'}${label}`,
          newerThanJob: newer,
        });
      }
    }
  }
  return items;
}

function defaultVolumeName(type: string): string {
  return type === 'persistentVolumeClaim' ? 'spark-local-dir-1' : 'data';
}

function volumeValuePlaceholder(type: string, suffix: string): string {
  if (suffix === 'options.claimName') return 'OnDemand';
  if (suffix === 'options.sizeLimit') return type === 'emptyDir' ? '50Gi' : '100Gi';
  if (suffix === 'options.storageClass') return 'gp3';
  if (suffix === 'mount.path') return '/data/spark-local';
  if (suffix === 'mount.readOnly') return 'false';
  return '';
}

/** Writes a key (already snippet-escaped) in the syntax of its place, with a value tab stop when one is needed. */
function writeKey(context: KeyContext, text: string, key: string, valueHint: string, tabStop = 1): string {
  const after = text.slice(context.replace.end, context.replace.end + 3);
  const quoted = /["']/.test(text.charAt(context.replace.start - 1));
  const value = `\${${tabStop}:${escapeSnippet(valueHint)}}`;
  switch (context.style) {
    case 'json-key':
      // Inside the quotes of a property name with no value yet: write the value too, reusing the closing quote.
      return jsonValueFollows(text, context.replace.end)
        ? key
        : `${key}": "${value}${text.charAt(context.replace.end) === '"' ? '' : '"'}`;
    case 'json-key-open':
      return `"${key}": "${value}"`;
    case 'yaml-key':
      return quoted || /^\s*:/.test(after) ? key : `${key}: "${value}"`;
    case 'submit-conf':
      return after.startsWith('=') ? key : `${key}=${value}`;
    case 'conf-line':
      return /^[ \t=:]/.test(after) ? key : `${key} ${value}`;
    case 'python-string':
      return key;
  }
}

/** True when a `:` follows the property name whose content ends at `contentEnd` (the property has a value part). */
function jsonValueFollows(text: string, contentEnd: number): boolean {
  let at = contentEnd;
  if (text.charAt(at) === '"') at++;
  while (at < text.length && /\s/.test(text.charAt(at))) at++;
  return text.charAt(at) === ':';
}

function valuePlaceholder(info: KeyInfo, version: string): string {
  const current = defaultFor(info, version);
  if (info.type === 'bool') return current.value === 'true' ? 'false' : 'true';
  return valueSuggestions(info, version)[0]?.value ?? current.value ?? '';
}

function completeValues(context: ValueContext, version: string, storageClasses: string[]): EngineCompletionItem[] {
  const info = lookupKey(context.key);
  if (!info) return [];
  const suggestions = valueSuggestions(info, version);
  const volume = parseVolumeKey(context.key);
  if (volume?.suffix === 'options.storageClass') {
    for (const name of storageClasses) suggestions.unshift({ value: name, detail: 'StorageClass in this workspace' });
  }
  // The default for the job's version is always in the list, and marked (infinite sentinels are not values to pick).
  const fallback = defaultFor(info, version).value;
  const offerDefault = fallback !== undefined && fallback !== '' && !/^(2147483647|9223372036854775807)/.test(fallback);
  if (offerDefault && !volume && !suggestions.some((s) => s.value === fallback)) {
    suggestions.push({ value: fallback, detail: `default in Spark ${version}` });
  }
  const seen = new Set<string>();
  return suggestions
    .filter((s) => (seen.has(s.value) ? false : (seen.add(s.value), true)))
    .map((s, index) => {
      const isDefault = offerDefault && !volume && s.value === fallback;
      return {
        label: s.value,
        kind: 'value' as const,
        insertText: s.value,
        snippet: false,
        replace: context.replace,
        detail: isDefault ? `default in Spark ${version}` : s.detail,
        filterText: s.value,
        sortText: String(index).padStart(3, '0'),
        isDefault: isDefault ? true : undefined,
      };
    });
}

/** True when the key appeared after the job's Spark version. */
function compareSince(since: string, version: string): boolean {
  return compareVersions(since, version) > 0;
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

// Limits of the EMR StartJobRun APIs: configurations per request, properties per classification, key/value length,
// sparkSubmitParameters length.
import type { ConfigEntry } from '../model';
import { finding, type Check } from './report';
import type { Finding } from './types';

export const MAX_CONFIGURATIONS = 100;
export const MAX_PROPERTIES = 100;
export const MAX_PROPERTY_LENGTH = 1024;
export const MAX_SUBMIT_PARAMETERS = 102_400;

export const tooManyConfigurations: Check = (ctx) => {
  if (!ctx.emr) return [];
  const list = ctx.job.facts.applicationConfiguration;
  if (!list || list.count <= MAX_CONFIGURATIONS) return [];
  const where = ctx.job.kind === 'emr-config' ? 'This configuration list' : 'applicationConfiguration';
  return [
    finding(
      'emr-too-many-configurations',
      `${where} holds ${list.count} configurations; EMR accepts at most ${MAX_CONFIGURATIONS} in one request, so it is rejected. This is the first one over the limit.`,
      list.items[MAX_CONFIGURATIONS] ?? list.range,
    ),
  ];
};

export const tooManyProperties: Check = (ctx) => {
  if (!ctx.emr) return [];
  const findings: Finding[] = [];
  // Sorted once, so each container looks only at the entries starting inside it (not at every entry of the job).
  const properties = ctx.job.entries
    .filter((entry) => entry.origin === 'property')
    .sort((a, b) => a.keyRange.start - b.keyRange.start);
  for (const container of ctx.job.containers) {
    if (container.kind !== 'json-properties') continue;
    // Counted, not collected: only the first entry over the limit is needed.
    let inside = 0;
    let first: ConfigEntry | undefined;
    for (let i = firstAtOrAfter(properties, container.range.start); i < properties.length; i++) {
      const entry = properties[i] as ConfigEntry;
      if (entry.keyRange.start > container.range.end) break;
      if (entry.keyRange.end > container.range.end) continue;
      inside++;
      if (inside === MAX_PROPERTIES + 1) first = entry;
    }
    if (inside <= MAX_PROPERTIES || first === undefined) continue;
    const name = container.classification ?? first.classification ?? 'this';
    findings.push(
      finding(
        'emr-too-many-properties',
        `The ${name} classification has ${inside} properties; EMR accepts at most ${MAX_PROPERTIES}, so the request is rejected. This is the first one over the limit.`,
        first.keyRange,
      ),
    );
  }
  return findings;
};

/** Index of the first entry (sorted by key start) whose key starts at or after `offset`. */
function firstAtOrAfter(sorted: readonly ConfigEntry[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as ConfigEntry).keyRange.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

export const propertyLength: Check = (ctx) => {
  if (!ctx.emr) return [];
  const findings: Finding[] = [];
  const entries = ctx.job.entries;
  // Indexed, like the other loops over every entry (see buildContext).
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as ConfigEntry;
    if (entry.origin !== 'property') continue;
    if (entry.key.length > MAX_PROPERTY_LENGTH) {
      findings.push(
        finding(
          'emr-value-too-long',
          `This key is ${entry.key.length} characters; EMR accepts at most ${MAX_PROPERTY_LENGTH}.`,
          entry.keyRange,
        ),
      );
    }
    if (entry.value.length > MAX_PROPERTY_LENGTH) {
      findings.push(
        finding(
          'emr-value-too-long',
          `This value is ${entry.value.length} characters; EMR accepts at most ${MAX_PROPERTY_LENGTH}.`,
          entry.valueRange,
        ),
      );
    }
  }
  return findings;
};

export const submitParametersLength: Check = (ctx) => {
  if (!ctx.emr) return [];
  const findings: Finding[] = [];
  for (const container of ctx.job.containers) {
    if (container.kind !== 'submit-parameters') continue;
    const raw = ctx.text.slice(container.range.start, container.range.end);
    const length = decodedLength(raw);
    if (length <= MAX_SUBMIT_PARAMETERS) continue;
    // Point at the text past the limit (approximately, when escapes shorten the decoded string).
    const start = Math.min(container.range.end, container.range.start + MAX_SUBMIT_PARAMETERS);
    findings.push(
      finding(
        'emr-submit-parameters-too-long',
        `sparkSubmitParameters is ${length} characters; EMR accepts at most ${MAX_SUBMIT_PARAMETERS}. Move settings into a spark-defaults classification.`,
        {
          start,
          end: container.range.end,
        },
      ),
    );
  }
  return findings;
};

function decodedLength(raw: string): number {
  try {
    const decoded: unknown = JSON.parse(`"${raw}"`);
    return typeof decoded === 'string' ? decoded.length : raw.length;
  } catch {
    return raw.length;
  }
}

export const emrLimitChecks: readonly Check[] = [
  tooManyConfigurations,
  tooManyProperties,
  propertyLength,
  submitParametersLength,
];

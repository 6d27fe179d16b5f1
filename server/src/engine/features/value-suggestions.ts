// Typical values for a key, by type, for value completion and placeholders.
import { defaultFor, parseVolumeKey } from '../catalog';
import type { KeyInfo } from '../catalog/types';

export interface ValueSuggestion {
  value: string;
  detail?: string;
}

const DURATION_EXAMPLES: Record<string, string[]> = {
  ms: ['1s', '500ms', '5s'],
  s: ['60s', '5min', '30s', '1s'],
};

export function valueSuggestions(info: KeyInfo, version: string): ValueSuggestion[] {
  const current = defaultFor(info, version);
  const isDefault = (v: string): string | undefined =>
    v === current.value ? `default in Spark ${version}` : undefined;
  const volume = parseVolumeKey(info.key);
  if (volume) return volumeValueSuggestions(volume.volumeType, volume.suffix);
  switch (info.type) {
    case 'bool':
      return ['true', 'false'].map((value) => ({ value, detail: isDefault(value) }));
    case 'enum':
    case 'class':
    case 'string':
      return (info.choices ?? []).map((value) => ({ value, detail: isDefault(value) }));
    case 'duration': {
      const examples = DURATION_EXAMPLES[info.unit ?? 's'] ?? DURATION_EXAMPLES.s;
      return examples.map((value) => ({ value, detail: 'duration' }));
    }
    case 'size':
      return ['4g', '8g', '512m'].map((value) => ({ value, detail: 'size (binary units: k, m, g, t)' }));
    case 'quantity':
      return ['100Gi', '500Gi', '50Gi'].map((value) => ({ value, detail: 'Kubernetes quantity' }));
    case 'int':
    case 'double': {
      const out: ValueSuggestion[] = [];
      if (current.value !== undefined && /^-?\d+(\.\d+)?$/.test(current.value)) {
        out.push({ value: current.value, detail: `default in Spark ${version}` });
      }
      for (const choice of info.choices ?? []) out.push({ value: choice });
      return out;
    }
  }
}

function volumeValueSuggestions(volumeType: string, suffix: string): ValueSuggestion[] {
  switch (suffix) {
    case 'options.claimName':
      return volumeType === 'persistentVolumeClaim'
        ? [
            { value: 'OnDemand', detail: 'Spark creates one claim per executor (needs storageClass and sizeLimit)' },
            { value: 'data-SPARK_EXECUTOR_ID', detail: 'a pre-created claim per executor id' },
          ]
        : [];
    case 'options.sizeLimit':
      return [{ value: '100Gi' }, { value: '200Gi' }, { value: '50Gi' }];
    case 'options.storageClass':
      return [{ value: 'gp3' }];
    case 'options.medium':
      return [{ value: 'Memory', detail: 'tmpfs backed by the pod memory limit' }];
    case 'mount.readOnly':
      return [{ value: 'false' }, { value: 'true' }];
    case 'mount.path':
      return [{ value: '/data/spark-local' }];
    default:
      return [];
  }
}

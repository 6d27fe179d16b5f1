// Kubernetes volumes and PVCs: required options, OnDemand claims, PVC reuse, the local-disk shuffle plugin, mount paths.
import type { ConfigEntry, Range } from '../model';
import { parseSparkBoolean } from '../values';
import { versionAtLeast } from '../version';
import type { RuleContext } from './context';
import { valueSpan } from './context';
import { insertKeyFix, setKeyFix, setValueFix } from './fixes';
import { readBool, readString } from './read';
import { finding, type Check } from './report';
import { K8S_LOCAL_DISK_IO } from './shuffle';
import type { Finding, FixData } from './types';
import { jobVolumes, keyPartRange, splitVolumeKey, volumeTypeSpec, type Volume } from './volume-keys';

const OWN = 'spark.kubernetes.driver.ownPersistentVolumeClaim';
const REUSE = 'spark.kubernetes.driver.reusePersistentVolumeClaim';
const WAIT = 'spark.kubernetes.driver.waitToReusePersistentVolumeClaim';
const PLUGIN = 'spark.shuffle.sort.io.plugin.class';
export const LOCAL_DIR_PREFIX = 'spark-local-dir-';

function volumesOf(ctx: RuleContext): Volume[] {
  return jobVolumes(ctx).filter((volume) => volumeTypeSpec(volume.type) !== undefined);
}

function volumeKey(volume: Volume, suffix: string): string {
  return `spark.kubernetes.${volume.role}.volumes.${volume.type}.${volume.name}.${suffix}`;
}

/** The span of the volume's name in its first key. */
function nameRange(ctx: RuleContext, volume: Volume): Range {
  const first = volume.entries[0];
  if (!first) return { start: 0, end: 0 };
  const split = splitVolumeKey(first.key);
  if (!split) return first.keyRange;
  return keyPartRange(ctx.text, first, split.nameStart, split.nameStart + split.name.length);
}

function isTrue(entry: ConfigEntry | undefined): boolean {
  if (!entry) return false;
  const parsed = parseSparkBoolean(entry.value);
  return parsed.ok && parsed.value;
}

function optionValue(volume: Volume, suffix: string): string | undefined {
  const value = volume.options.get(suffix)?.value.trim();
  return value === '' ? undefined : value;
}

const PLACEHOLDERS: Readonly<Record<string, string>> = {
  'mount.path': '/data',
  'options.claimName': 'OnDemand',
  'options.path': '/mnt/data',
  'options.server': 'nfs.example.com',
  'options.storageClass': 'gp3',
  'options.sizeLimit': '100Gi',
};

function addOptionFix(ctx: RuleContext, volume: Volume, suffix: string): FixData[] {
  const value = PLACEHOLDERS[suffix] ?? '';
  return insertKeyFix(ctx, volumeKey(volume, suffix), value, `Add ${suffix} (${value} is a placeholder)`);
}

export const requiredVolumeOptions: Check = (ctx) => {
  if (!ctx.kubernetes) return [];
  const findings: Finding[] = [];
  for (const volume of volumesOf(ctx)) {
    const spec = volumeTypeSpec(volume.type);
    if (!spec) continue;
    const range = nameRange(ctx, volume);
    if (optionValue(volume, 'mount.path') === undefined) {
      findings.push(
        finding(
          'volume-missing-mount-path',
          `The ${volume.role} volume \`${volume.name}\` has no mount.path; Spark fails to build the pod.`,
          range,
          {
            fixes: addOptionFix(ctx, volume, 'mount.path'),
          },
        ),
      );
    }
    for (const required of spec.required) {
      if (optionValue(volume, required) !== undefined) continue;
      findings.push(
        finding(
          'volume-missing-option',
          `The ${volume.type} volume \`${volume.name}\` needs ${required}; Spark fails to build the pod without it.`,
          range,
          {
            fixes: addOptionFix(ctx, volume, required),
          },
        ),
      );
    }
  }
  return findings;
};

export const onDemandClaims: Check = (ctx) => {
  if (!ctx.kubernetes) return [];
  const findings: Finding[] = [];
  for (const volume of volumesOf(ctx)) {
    if (volume.type !== 'persistentVolumeClaim') continue;
    const claim = volume.options.get('options.claimName');
    if (!claim || !claim.value.includes('OnDemand')) continue;
    const missing = ['options.storageClass', 'options.sizeLimit'].filter(
      (suffix) => optionValue(volume, suffix) === undefined,
    );
    if (missing.length === 0) continue;
    findings.push(
      finding(
        'ondemand-pvc-incomplete',
        `Spark creates an OnDemand claim only when both options.storageClass and options.sizeLimit are set; ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing, so the pods wait forever for a claim nobody creates.`,
        valueSpan(claim),
        { fixes: missing.flatMap((suffix) => addOptionFix(ctx, volume, suffix)) },
      ),
    );
  }
  return findings;
};

export const pvcReuse: Check = (ctx) => {
  if (!ctx.kubernetes) return [];
  const findings: Finding[] = [];
  if (versionAtLeast(ctx.version, '3.2.0') && !versionAtLeast(ctx.version, '3.4.0')) {
    for (const key of [OWN, REUSE] as const) {
      const entry = ctx.winner(key);
      if (!isTrue(entry) || !entry) continue;
      findings.push(
        finding(
          'pvc-reuse-old-spark',
          `PVC ownership and reuse are early on Spark ${ctx.version}; AWS advises not to enable PVC reuse before Spark 3.4, where it matured and became the default.`,
          valueSpan(entry),
        ),
      );
    }
  }
  const wait = ctx.winner(WAIT);
  if (wait && isTrue(wait) && versionAtLeast(ctx.version, '3.4.0')) {
    const own = readBool(ctx, OWN) ?? false;
    const reuse = readBool(ctx, REUSE) ?? false;
    if (!own || !reuse) {
      const off = [!own ? 'ownPersistentVolumeClaim' : '', !reuse ? 'reusePersistentVolumeClaim' : '']
        .filter(Boolean)
        .join(' and ');
      findings.push(
        finding(
          'wait-to-reuse-without-reuse',
          `waitToReusePersistentVolumeClaim does nothing while ${off} ${off.includes(' and ') ? 'are' : 'is'} off.`,
          valueSpan(wait),
          {
            fixes: [...(!own ? setKeyFix(ctx, OWN, 'true') : []), ...(!reuse ? setKeyFix(ctx, REUSE, 'true') : [])],
          },
        ),
      );
    }
  }
  return findings;
};

/**
 * Reuse written on while ownership is off (explicitly, or by the version's default). Spark reuses only claims the driver
 * owns, so the setting does nothing. A reuse that is merely the default is left alone: turning ownership off on
 * purpose is a choice, not a mistake.
 */
export const reuseWithoutOwn: Check = (ctx) => {
  if (!ctx.kubernetes) return [];
  const reuse = ctx.winner(REUSE);
  if (!reuse || !isTrue(reuse)) return [];
  const since = ctx.get(REUSE).info?.since;
  if (since !== undefined && !versionAtLeast(ctx.version, since)) return [];
  if (readBool(ctx, OWN) !== false) return [];
  const own = ctx.winner(OWN);
  const why = own ? 'it is set to false' : `it defaults to false on Spark ${ctx.version}`;
  return [
    finding(
      'pvc-reuse-without-own',
      `reusePersistentVolumeClaim only takes effect when the driver owns the claims, and ownPersistentVolumeClaim is off here (${why}); executors get fresh claims and nothing is reused.`,
      reuse.implied ? reuse.keyRange : valueSpan(reuse),
      {
        related: own ? [{ message: 'ownPersistentVolumeClaim is turned off here', range: valueSpan(own) }] : [],
        fixes: setKeyFix(ctx, OWN, 'true', 'Let the driver own the claims (ownPersistentVolumeClaim=true)', true),
      },
    ),
  ];
};

export const localDiskShuffleIo: Check = (ctx) => {
  if (!ctx.kubernetes) return [];
  const plugin = ctx.winner(PLUGIN);
  if (!plugin || readString(ctx, PLUGIN) !== K8S_LOCAL_DISK_IO) return [];
  const findings: Finding[] = [];
  if (!(readBool(ctx, REUSE) ?? false)) {
    findings.push(
      finding(
        'local-disk-io-without-reuse',
        `KubernetesLocalDiskShuffleDataIO requires ${REUSE}=true; without it the job fails at start-up.`,
        valueSpan(plugin),
        {
          fixes: setKeyFix(ctx, REUSE, 'true', 'Turn on PVC reuse', true),
        },
      ),
    );
  }
  const localDir = jobVolumes(ctx).some(
    (volume) => volume.role === 'executor' && volume.name.startsWith(LOCAL_DIR_PREFIX),
  );
  if (!localDir) {
    findings.push(
      finding(
        'local-disk-io-without-local-dir',
        `KubernetesLocalDiskShuffleDataIO recovers shuffle files only from a reused executor PVC named ${LOCAL_DIR_PREFIX}1 (or another ${LOCAL_DIR_PREFIX}* name); no such executor volume is configured, so it recovers nothing.`,
        valueSpan(plugin),
      ),
    );
  }
  return findings;
};

export const mountChecks: Check = (ctx) => {
  if (!ctx.kubernetes) return [];
  const findings: Finding[] = [];
  const volumes = volumesOf(ctx);
  for (const volume of volumes) {
    const readOnly = volume.options.get('mount.readOnly');
    if (volume.name.startsWith(LOCAL_DIR_PREFIX) && isTrue(readOnly) && readOnly) {
      findings.push(
        finding(
          'local-dir-read-only',
          `\`${volume.name}\` becomes a Spark local directory, but it is mounted read-only; executors cannot write shuffle or spill files.`,
          valueSpan(readOnly),
          {
            fixes: [setValueFix(readOnly, 'false', 'Mount it read-write')],
          },
        ),
      );
    }
    const subPath = optionValue(volume, 'mount.subPath');
    const subPathEntry = volume.options.get('mount.subPath');
    const subPathExpr = volume.options.get('mount.subPathExpr');
    if (subPath !== undefined && subPathEntry && subPathExpr && subPathExpr.value.trim() !== '') {
      findings.push(
        finding(
          'subpath-conflict',
          `The volume \`${volume.name}\` sets both mount.subPath and mount.subPathExpr; Spark accepts only one of them.`,
          subPathExpr.keyRange,
          {
            related: [{ message: 'mount.subPath is set here', range: subPathEntry.keyRange }],
          },
        ),
      );
    }
  }
  for (const role of ['driver', 'executor'] as const) {
    const seen = new Map<string, ConfigEntry>();
    for (const volume of volumes) {
      if (volume.role !== role) continue;
      const entry = volume.options.get('mount.path');
      const path = entry?.value.trim().replace(/\/+$/, '');
      if (!entry || !path) continue;
      const first = seen.get(path);
      if (!first) {
        seen.set(path, entry);
        continue;
      }
      findings.push(
        finding(
          'duplicate-mount-path',
          `Another ${role} volume is already mounted at ${entry.value.trim()}; Spark refuses to build a pod with duplicate mount paths.`,
          valueSpan(entry),
          {
            related: [{ message: 'The first volume mounted here', range: valueSpan(first) }],
          },
        ),
      );
    }
  }
  return findings;
};

export const volumeChecks: readonly Check[] = [
  requiredVolumeOptions,
  onDemandClaims,
  pvcReuse,
  reuseWithoutOwn,
  localDiskShuffleIo,
  mountChecks,
];

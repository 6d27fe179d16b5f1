// Every rule family's checks, by family name: analyze() runs them all, and the fuzz test runs each bare.
import { apacheOperatorInitUnreachable } from './apache-operator-init';
import { boundsChecks } from './bounds';
import { costChecks } from './cost';
import { decommissionChecks } from './decommission';
import { emrLimitChecks } from './emr-limits';
import { executorFixedClaim } from './fixed-claim';
import { keyChecks } from './keys';
import { operatorDeniedSparkConfKey } from './operator-denylist';
import { draPvcReuseOnEbs } from './pvc-reuse-ebs';
import { remoteShuffleChecks } from './remote-shuffle';
import type { Check } from './report';
import { resizeChecks } from './resize';
import { shuffleChecks } from './shuffle';
import { storageClassChecks } from './storage-class';
import { valueChecks } from './values';
import { sparkVersionUnknown } from './version-unknown';
import { volumeChecks } from './volumes';

export const CHECK_FAMILIES: Readonly<Record<string, readonly Check[]>> = {
  keys: [...keyChecks, operatorDeniedSparkConfKey],
  values: [sparkVersionUnknown, ...valueChecks],
  bounds: boundsChecks,
  shuffle: [...shuffleChecks, ...decommissionChecks],
  'remote-shuffle': remoteShuffleChecks,
  volumes: [...volumeChecks, executorFixedClaim],
  'storage-class': [...storageClassChecks, draPvcReuseOnEbs],
  resize: resizeChecks,
  cost: [...costChecks, apacheOperatorInitUnreachable],
  'emr-limits': emrLimitChecks,
};

export const ALL_CHECKS: readonly Check[] = Object.values(CHECK_FAMILIES).flat();

// Every rule family's checks, by family name: analyze() runs them all, and the fuzz test runs each bare.
import { boundsChecks } from './bounds';
import { costChecks } from './cost';
import { emrLimitChecks } from './emr-limits';
import { keyChecks } from './keys';
import type { Check } from './report';
import { shuffleChecks } from './shuffle';
import { storageClassChecks } from './storage-class';
import { valueChecks } from './values';
import { volumeChecks } from './volumes';

export const CHECK_FAMILIES: Readonly<Record<string, readonly Check[]>> = {
  keys: keyChecks,
  values: valueChecks,
  bounds: boundsChecks,
  shuffle: shuffleChecks,
  volumes: volumeChecks,
  'storage-class': storageClassChecks,
  cost: costChecks,
  'emr-limits': emrLimitChecks,
};

export const ALL_CHECKS: readonly Check[] = Object.values(CHECK_FAMILIES).flat();

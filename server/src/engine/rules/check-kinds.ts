// How the findings of a check follow an edit of one JSON property, for the checks that read every entry and would
// otherwise run again on every keystroke (see single-job-memo.ts). A check not listed here is re-run whenever it read
// the edited key or anything that depends on every entry.
import { duplicateKeys, keysNotInVersion, unknownKeys } from './keys';
import { operatorDeniedSparkConfKey } from './operator-denylist';
import { propertyLength, tooManyProperties } from './emr-limits';
import type { Check } from './report';
import { invalidValues, nonStringValues } from './values';

/**
 * - `per-entry`: each finding is about one entry and lies inside it (its key to the end of its value), depends only on
 *   that entry and on what the check reads through the context, and findings come in entry order.
 * - `per-key`: the findings for a key depend only on that key's entries; a key's findings are the ones whose range is
 *   the key range of one of its entries.
 * - `structure`: reads keys, origins and places of entries, never a value.
 */
export type CheckKind = 'per-entry' | 'per-key' | 'structure';

export const CHECK_KINDS: ReadonlyMap<Check, CheckKind> = new Map<Check, CheckKind>([
  [unknownKeys, 'per-entry'],
  [keysNotInVersion, 'per-entry'],
  [invalidValues, 'per-entry'],
  [nonStringValues, 'per-entry'],
  [propertyLength, 'per-entry'],
  [operatorDeniedSparkConfKey, 'per-entry'],
  [duplicateKeys, 'per-key'],
  [tooManyProperties, 'structure'],
]);

// The kubeflow spark-operator's `spec.dynamicAllocation` fields (api/v1beta2 DynamicAllocation), for completion.
import type { OperatorField } from '../../model';

export const DYNAMIC_ALLOCATION_FIELD_DOCS: readonly OperatorField[] = [
  {
    name: 'enabled',
    sparkKey: 'spark.dynamicAllocation.enabled',
    doc: 'Turns dynamic allocation on. Unless it is `true`, the operator ignores every other field of this block.',
    valueHint: 'true',
  },
  {
    name: 'initialExecutors',
    sparkKey: 'spark.dynamicAllocation.initialExecutors',
    doc: 'Executors to start with. When `spec.executor.instances` is also set, the larger of the two applies.',
    valueHint: '1',
  },
  {
    name: 'minExecutors',
    sparkKey: 'spark.dynamicAllocation.minExecutors',
    doc: 'Fewest executors dynamic allocation keeps.',
    valueHint: '1',
  },
  {
    name: 'maxExecutors',
    sparkKey: 'spark.dynamicAllocation.maxExecutors',
    doc: 'Most executors dynamic allocation asks for.',
    valueHint: '10',
  },
  {
    name: 'shuffleTrackingEnabled',
    sparkKey: 'spark.dynamicAllocation.shuffleTracking.enabled',
    doc: 'Shuffle tracking; the operator turns it on whenever `enabled` is true unless this says `false` (set it to `false` with an external or remote shuffle service).',
    valueHint: 'true',
  },
  {
    name: 'shuffleTrackingTimeout',
    sparkKey: 'spark.dynamicAllocation.shuffleTracking.timeout',
    doc: 'How long an executor holding shuffle data is kept, in **milliseconds** (a number, no unit).',
    valueHint: '1800000',
  },
];

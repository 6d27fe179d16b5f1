// EMR on EKS vertical autoscaling: the label and annotation keys that turn it on and tune it (spark-facts-2026 §4.2).
// They sit under Spark's pod label and annotation families, so Spark passes them through to the driver pod.
import { defineKey } from './define';
import type { KeyInfo } from './types';

const SIZING = 'emr-containers.amazonaws.com/dynamic.sizing';
const LABEL = `spark.kubernetes.driver.label.${SIZING}`;
const ANNOTATION = `spark.kubernetes.driver.annotation.${SIZING}`;
const EMR = { name: 'Amazon EMR on EKS vertical autoscaling' };

const TOGGLE_NOTE =
  'AWS documents the switch both ways: the configuration page sets it as a driver label, the getting-started page ' +
  'as a driver annotation. Which form the operator reads is not confirmed; setting both is harmless.';

export const EMR_VERTICAL_AUTOSCALING_KEYS = [
  defineKey(LABEL, {
    type: 'bool',
    since: '3.0.0',
    category: 'platform',
    provider: EMR,
    related: [ANNOTATION, `${ANNOTATION}.signature`],
    doc: `Turns on vertical autoscaling of executor memory for this job (\`true\`). ${TOGGLE_NOTE}`,
  }),
  defineKey(ANNOTATION, {
    type: 'bool',
    since: '3.0.0',
    category: 'platform',
    provider: EMR,
    related: [LABEL, `${ANNOTATION}.signature`],
    doc: `Annotation form of the vertical autoscaling switch. ${TOGGLE_NOTE}`,
  }),
  defineKey(`${ANNOTATION}.signature`, {
    type: 'string',
    since: '3.0.0',
    category: 'platform',
    provider: EMR,
    related: [LABEL],
    doc:
      'Names the workload whose past memory use vertical autoscaling learns from; runs with the same signature share ' +
      'recommendations. Required when vertical autoscaling is on.',
  }),
] as const satisfies readonly KeyInfo[];

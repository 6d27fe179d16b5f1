// A Helm template may render a SparkApplication's apiVersion (`apiVersion: {{ .Values.sparkApiVersion }}`), so the
// group that tells the two operators apart is not in the file. The spec's own fields then decide: only the Apache
// operator's CRD has these, and any other SparkApplication is read as the kubeflow operator's (the common one).
import type { Range } from '../../model';
import { innerRange, nodeAt } from './syntax/nodes';
import type { TreeNode } from './syntax/tree';
import { overlapsTemplate } from './template-mask';

const APACHE_ONLY_SPEC_FIELDS = ['runtimeVersions', 'applicationTolerations', 'driverSpec', 'executorSpec'];

/**
 * True when a template action writes the group of the document's `apiVersion` (`{{ .Values.apiVersion }}`); a group
 * written before the action (`spark.apache.org/{{ .Values.version }}`) still decides.
 */
export function apiVersionTemplated(text: string, root: TreeNode | null, spans: readonly Range[]): boolean {
  if (spans.length === 0) return false;
  const apiVersion = nodeAt(root, ['apiVersion']);
  if (apiVersion === undefined) return false;
  const range = innerRange(text, apiVersion);
  if (!overlapsTemplate(spans, range)) return false;
  const firstAction = spans.find((span) => span.end > range.start);
  const literal = text.slice(range.start, Math.max(range.start, firstAction?.start ?? range.end));
  return !literal.includes('/');
}

/** True when the spec holds a field that only the Apache operator's SparkApplication has. */
export function hasApacheOnlySpec(root: TreeNode | null): boolean {
  const spec = nodeAt(root, ['spec']);
  return APACHE_ONLY_SPEC_FIELDS.some((field) => nodeAt(spec, [field]) !== undefined);
}

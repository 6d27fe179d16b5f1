// A quick look at a document's text, before any parsing, for documents that are clearly none of ours: a top-level
// `kind:` line names another kind, and nothing in the text could spell one of our kinds or a spark-defaults key (the locator would skip
// such a document after parsing it, syntax errors included, so skipping it before is the same result, sooner).
import type { Range } from '../../model';

const KIND_LINE = /^kind:[ ]*(["']?)([A-Za-z0-9.-]+)\1[ ]*(?:#.*)?\r?$/m;
const OUR_KINDS = new Set(['SparkApplication', 'ScheduledSparkApplication', 'StorageClass', 'PersistentVolumeClaim']);

/** True when the document text[range] names a kind other than ours and cannot be one of ours. */
export function clearlyNotOurs(text: string, range: Range): boolean {
  const body = text.slice(range.start, range.end);
  const kind = KIND_LINE.exec(body)?.[2];
  if (kind === undefined || OUR_KINDS.has(kind)) return false;
  // A kind of ours could still hide in a second `kind:` key, or behind escapes in a double-quoted string.
  // A ConfigMap (or any other kind) may carry spark-defaults text under a `spark-defaults.conf` key.
  return (
    !body.includes('SparkApplication') &&
    !body.includes('StorageClass') &&
    !body.includes('PersistentVolumeClaim') &&
    !body.includes('spark-defaults') &&
    !body.includes('\\')
  );
}

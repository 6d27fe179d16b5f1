// Remembered results of pure functions of a string. Large files repeat the same keys and values in every job (a
// thousand SparkApplications share most of their sparkConf keys and many values), so each distinct input is worked out
// once. A table forgets everything when it fills up, so memory stays bounded whatever the inputs. Results are shared
// between callers: they must be treated as read-only.

export function memoize<R>(compute: (input: string) => R, limit = 10_000): (input: string) => R {
  const table = new Map<string, R>();
  return (input) => {
    let result = table.get(input);
    if (result === undefined && !table.has(input)) {
      result = compute(input);
      if (table.size >= limit) table.clear();
      table.set(input, result);
    }
    return result as R;
  };
}

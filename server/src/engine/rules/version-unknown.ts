// A Spark version written in the file that spark-dra cannot resolve: an EMR label it does not know (EMR 5.x, which
// ships Spark 2, or a release newer than its table), or a malformed version. Every check then runs at another version,
// which the finding names, so the user is never judged silently against the wrong Spark.
import { isSpark2EmrRelease } from '../version';
import { finding, type Check } from './report';

export const sparkVersionUnknown: Check = (ctx) => {
  const stated = ctx.job.sparkVersion;
  if (!stated?.unresolved || !stated.range) return [];
  const raw = stated.raw ?? ctx.text.slice(stated.range.start, stated.range.end);
  const assumed = `checks here use Spark ${ctx.version} instead (set sparkDra.defaultSparkVersion or add a \`spark-dra: sparkVersion=X\` comment to choose).`;
  const message =
    stated.from === 'releaseLabel' && isSpark2EmrRelease(raw)
      ? `${raw} is an EMR 5.x release, which ships Spark 2.x: spark-dra covers Spark 3.0 and later, so ${assumed} Note that on Kubernetes, Spark 2.x cannot run dynamic allocation at all (shuffle tracking arrived in 3.0).`
      : `spark-dra does not know which Spark \`${raw}\` stands for: ${assumed}`;
  return [finding('spark-version-unknown', message, stated.range)];
};

// Which shuffle back-end a job uses, read from spark.shuffle.manager: Spark's own sort shuffle, a remote shuffle
// service (Apache Celeborn, Apache Uniffle) or the AWS S3 Express shuffle manager (spark-facts-2026 §3).
import {
  CELEBORN_DATA_IO,
  CELEBORN_LEGACY_MANAGER,
  CELEBORN_MANAGER,
  S3_EXPRESS_MANAGER,
  UNIFFLE_DATA_IO,
  UNIFFLE_DELEGATION_MANAGER,
  UNIFFLE_MANAGER,
} from '../catalog';
import type { ConfigEntry } from '../model';
import type { RuleContext } from './context';
import { readString } from './read';

export interface RemoteShuffleService {
  kind: 'celeborn' | 'uniffle';
  name: string;
  /** The ShuffleDataIO class that tells dynamic allocation (Spark 3.5+) the service keeps the shuffle data. */
  dataIo: string;
  /** What to apply before Spark 3.5, where no plugin can say so. */
  patch: string;
}

const CELEBORN: RemoteShuffleService = {
  kind: 'celeborn',
  name: 'Apache Celeborn',
  dataIo: CELEBORN_DATA_IO,
  patch: "Celeborn's dynamic-allocation patch for Spark (assets/spark-patch in the Celeborn sources)",
};

const UNIFFLE: RemoteShuffleService = {
  kind: 'uniffle',
  name: 'Apache Uniffle',
  dataIo: UNIFFLE_DATA_IO,
  patch: "Uniffle's dynamic-allocation patch for Spark (patch/spark in the Uniffle sources)",
};

const SERVICES: ReadonlyMap<string, RemoteShuffleService> = new Map([
  [CELEBORN_MANAGER, CELEBORN],
  [CELEBORN_LEGACY_MANAGER, CELEBORN],
  [UNIFFLE_MANAGER, UNIFFLE],
  [UNIFFLE_DELEGATION_MANAGER, UNIFFLE],
]);

export const SHUFFLE_MANAGER = 'spark.shuffle.manager';

/** The remote shuffle service the job's shuffle manager belongs to, with the entry that names it. */
export function remoteShuffleService(
  ctx: RuleContext,
): { service: RemoteShuffleService; entry: ConfigEntry } | undefined {
  const entry = ctx.winner(SHUFFLE_MANAGER);
  const service = SERVICES.get(readString(ctx, SHUFFLE_MANAGER) ?? '');
  return entry && service ? { service, entry } : undefined;
}

/** The entry naming the AWS S3 Express shuffle manager, whose README says it does not support dynamic allocation. */
export function s3ExpressManager(ctx: RuleContext): ConfigEntry | undefined {
  const entry = ctx.winner(SHUFFLE_MANAGER);
  return entry && readString(ctx, SHUFFLE_MANAGER) === S3_EXPRESS_MANAGER ? entry : undefined;
}

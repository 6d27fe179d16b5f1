// sparkDra/replayEventLog → read a Spark event log and replay its workload with the logged configuration or a job
// file's. In an untrusted workspace nothing is read from disk: only a log open in the editor can be replayed.
import { basename, resolve } from 'node:path';
import type { CancellationToken } from 'vscode-languageserver';
import type { ReplayEventLogResponse } from '../../../../protocol/requests';
import { failure, type Result } from '../../../../protocol/result';
import type { EventLogReplay, SparkDocument } from '../../engine';
import type { ServerContext } from '../context';
import { EventLogCache } from '../event-log-cache';
import { replayParams } from '../params';
import { URI } from '../uri';

export const UNTRUSTED_MESSAGE =
  'This workspace is not trusted, so Spark DRA reads no files from disk. Trust the workspace to replay an event log, or open the log in the editor first.';

export function replayHandler(ctx: ServerContext) {
  const cache = new EventLogCache(2);
  return async (raw: unknown, token?: CancellationToken): Promise<ReplayEventLogResponse> => {
    const params = replayParams(raw);
    let document: SparkDocument | undefined;
    if (params.uri !== undefined) {
      const doc = ctx.documents.get(params.uri);
      if (!doc) return failure('not-open', 'The job file is not open in the editor.');
      document = ctx.models.get(doc);
    }
    const log = await readLog(ctx, cache, params.path);
    if (!log.ok) return log;
    if (token?.isCancellationRequested) return failure('cancelled', 'The replay was cancelled.');
    return ctx.service().replay({
      log: log.value,
      document,
      jobIndex: params.jobIndex,
      overrides: params.overrides,
      knobs: params.knobs,
      workspaceStorageClasses: params.uri === undefined ? [] : ctx.storageClasses.all(params.uri),
    });
  };
}

/** The log from the editor when it is open there, else from disk (trusted workspaces only). */
async function readLog(ctx: ServerContext, cache: EventLogCache, path: string): Promise<Result<EventLogReplay>> {
  const open = ctx.documents.all().find((doc) => doc.uri.startsWith('file:') && resolve(URI.path(doc.uri)) === path);
  if (open) return ctx.service().parseEventLog(open.getText(), basename(path));
  if (ctx.client().workspaceTrusted === false) return failure('untrusted', UNTRUSTED_MESSAGE);
  return cache.read(ctx.service(), path);
}

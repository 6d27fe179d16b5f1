// sparkDra/fileInfo, sparkDra/effectiveConfig and sparkDra/serverFacts.
import type {
  EffectiveConfigResponse,
  FileInfoParams,
  FileInfoResponse,
  ServerFacts,
} from '../../../../protocol/requests';
import { failure, success } from '../../../../protocol/result';
import type { ServerContext } from '../context';
import { documentParams } from '../params';

export function fileInfoHandler(ctx: ServerContext) {
  return (params: FileInfoParams): FileInfoResponse => {
    const doc = ctx.documents.get(documentParams(params).uri);
    return doc ? ctx.models.get(doc).fileInfo() : { jobs: 0 };
  };
}

export function effectiveConfigHandler(ctx: ServerContext) {
  return (raw: unknown): EffectiveConfigResponse => {
    const params = documentParams(raw);
    const doc = ctx.documents.get(params.uri);
    if (!doc) return failure('not-open', 'The document is not open.');
    const model = ctx.models.get(doc);
    const config = model.effectiveConfiguration(params.jobIndex);
    if (!config.ok) return config;
    return success({
      ...config.value,
      rows: config.value.rows.map((row) => ({
        key: row.key,
        value: row.value,
        source: row.source,
        defaultValue: row.defaultValue,
        line: row.offset === undefined ? undefined : model.positionAt(row.offset).line,
      })),
    });
  };
}

export function serverFactsHandler(ctx: ServerContext) {
  return (): ServerFacts => ctx.service().facts();
}

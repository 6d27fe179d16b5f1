// Zips of event logs, as the Spark History Server's download button (and its /applications/<id>/logs REST call)
// makes them: each application attempt is either one file named after it (application_…[_<attempt>][.codec]) or a
// rolled directory eventlog_v2_<id>/ with its events_<n>_… parts. The zip is read through its central directory
// (yauzl), one entry at a time as a stream, so nothing is held in memory whole.
import { basename } from 'node:path';
import { open } from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { codecSuffix } from './codecs/choose';
import { CodecError } from './codecs/types';
import { EVENTLOG_LIMITS, formatCount } from './limits';
import type { LocateResult, ReadEventLogOptions } from './log-input';
import type { LogPart } from './part-stream';
import { rolledGap, rolledInProgress, rolledParts } from './rolled-order';

/** One application's log inside the zip. */
interface ZipLog {
  /** The application (attempt) id the names show. */
  id: string;
  /** The file or directory name, for messages. */
  name: string;
  entries: Entry[];
  inProgress: boolean;
}

const ROLLED_DIR = /^eventlog_v2_(.+)$/;

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    open(path, { lazyEntries: true, autoClose: false }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

/** application_1_0001.lz4.inprogress → application_1_0001 */
function idOfFile(name: string): string {
  let id = name.replace(/\.inprogress$/i, '');
  const suffix = codecSuffix(id);
  if (suffix) id = id.slice(0, -(suffix.length + 1));
  return id;
}

function ignored(path: string): boolean {
  return path.endsWith('/') || path.startsWith('__MACOSX/') || basename(path).startsWith('.');
}

/** Groups the entries into logs: files on their own, and the files of each eventlog_v2_* directory together. */
function group(entries: readonly Entry[]): ZipLog[] {
  const logs: ZipLog[] = [];
  const rolled = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (ignored(entry.fileName)) continue;
    const parts = entry.fileName.split('/');
    const dir = parts.length > 1 ? parts[parts.length - 2] : '';
    if (ROLLED_DIR.test(dir)) {
      const key = parts.slice(0, -1).join('/');
      rolled.set(key, [...(rolled.get(key) ?? []), entry]);
      continue;
    }
    const name = parts[parts.length - 1];
    logs.push({ id: idOfFile(name), name, entries: [entry], inProgress: /\.inprogress$/i.test(name) });
  }
  for (const [key, files] of rolled) {
    const dir = key.split('/').pop() ?? key;
    const names = files.map((e) => basename(e.fileName));
    logs.push({
      id: ROLLED_DIR.exec(dir)?.[1] ?? dir,
      name: dir,
      entries: files,
      inProgress: rolledInProgress(names),
    });
  }
  return logs;
}

function choose(zipName: string, logs: readonly ZipLog[], app: string | undefined): ZipLog | string {
  const ids = logs.map((l) => l.id).join(', ');
  if (logs.length === 0) return `${zipName}: the zip holds no event logs`;
  if (app === undefined) {
    if (logs.length === 1) return logs[0];
    return `${zipName}: the zip holds ${logs.length} application logs (${ids}); choose one by its id`;
  }
  const matches = logs.filter((l) => l.id === app || l.id.startsWith(`${app}_`));
  const exact = matches.filter((l) => l.id === app);
  if (exact.length === 1) return exact[0];
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) return `${zipName}: no application ${app} in the zip (it holds ${ids})`;
  return `${zipName}: several logs match ${app} (${matches.map((l) => l.id).join(', ')}); give the full id`;
}

function entryPart(zip: ZipFile, entry: Entry, zipName: string): LogPart {
  const name = basename(entry.fileName);
  return {
    name,
    async *open() {
      const { uncompressedSize, compressedSize } = entry;
      const { expansionFloorBytes, maxExpansionRatio } = EVENTLOG_LIMITS;
      if (uncompressedSize > expansionFloorBytes && uncompressedSize > maxExpansionRatio * compressedSize) {
        throw new CodecError(
          `${zipName}: the entry claims ${formatCount(uncompressedSize)} bytes from ` +
            `${formatCount(compressedSize)}: refused as a likely zip bomb`,
        );
      }
      try {
        const stream = await zip.openReadStreamPromise(entry);
        for await (const chunk of stream) yield chunk as Buffer;
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        throw new CodecError(`the zip entry is damaged in ${zipName} (${detail})`);
      }
    },
  };
}

export async function locateInZip(path: string, options: ReadEventLogOptions): Promise<LocateResult> {
  const zipName = basename(path);
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, error: `${zipName}: not a readable zip (${detail})` };
  }
  const close = async (): Promise<void> => zip.close();
  try {
    const entries: Entry[] = [];
    for await (const entry of zip.eachEntry()) entries.push(entry);
    const chosen = choose(zipName, group(entries), options.app);
    if (typeof chosen === 'string') {
      await close();
      return { ok: false, error: chosen };
    }
    let ordered = chosen.entries;
    if (chosen.entries.length > 1 || ROLLED_DIR.test(chosen.name)) {
      const byName = new Map(chosen.entries.map((e) => [basename(e.fileName), e]));
      const names = rolledParts([...byName.keys()]);
      if (names.length === 0) {
        await close();
        return { ok: false, error: `${zipName}: ${chosen.name} holds no rolled event-log parts` };
      }
      const gap = rolledGap(chosen.name, names);
      if (gap !== undefined) {
        await close();
        return { ok: false, error: `${zipName}: ${gap}` };
      }
      ordered = names.map((n) => byName.get(n)).filter((e): e is Entry => e !== undefined);
    }
    return {
      ok: true,
      input: {
        name: chosen.name,
        parts: ordered.map((e) => entryPart(zip, e, zipName)),
        inProgress: chosen.inProgress || /\.inprogress$/i.test(ordered[ordered.length - 1].fileName),
        close,
      },
    };
  } catch (err) {
    await close();
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, error: `${zipName}: not a readable zip (${detail})` };
  }
}

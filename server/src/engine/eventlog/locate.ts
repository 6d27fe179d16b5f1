// A path given as an event log → its parts: a single file (any codec), a rolled eventlog_v2_* directory, or a zip as
// the Spark History Server's download button makes it (see zip-input.ts).
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { LocateResult, LogInput, ReadEventLogOptions } from './log-input';
import type { LogPart } from './part-stream';
import { rolledGap, rolledInProgress, rolledParts } from './rolled-order';
import { locateInZip } from './zip-input';

/** Bytes read from disk at a time: large enough for throughput, small enough to keep memory flat. */
const READ_CHUNK = 1024 * 1024;

export function ioMessage(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    if (err.code === 'ENOENT') return 'no such file or directory';
    if (err.code === 'EACCES') return 'permission denied';
    if (err.code === 'EISDIR') return 'is a directory';
  }
  return err instanceof Error ? err.message : String(err);
}

export function filePart(path: string, name: string): LogPart {
  return {
    name,
    async *open() {
      for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK })) {
        yield chunk as Buffer;
      }
    },
  };
}

const isInProgress = (name: string): boolean => /\.inprogress$/i.test(name);

async function startsLikeZip(path: string, name: string): Promise<boolean> {
  if (/\.zip$/i.test(name)) return true;
  try {
    const handle = await open(path, 'r');
    try {
      const head = new Uint8Array(4);
      const { bytesRead } = await handle.read(head, 0, 4, 0);
      return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
    } finally {
      await handle.close();
    }
  } catch {
    return false; // not a regular file (a pipe, /dev/zero): read it as a log
  }
}

const nothingToClose = async (): Promise<void> => undefined;

export async function locateEventLog(path: string, options: ReadEventLogOptions = {}): Promise<LocateResult> {
  let isDir: boolean;
  let isFile: boolean;
  try {
    const s = await stat(path);
    isDir = s.isDirectory();
    isFile = s.isFile();
  } catch (err) {
    return { ok: false, error: `cannot read ${path}: ${ioMessage(err)}` };
  }
  const name = basename(path);
  if (!isDir) {
    if (isFile && (await startsLikeZip(path, name))) return locateInZip(path, options);
    const input: LogInput = {
      name,
      parts: [filePart(path, name)],
      inProgress: isInProgress(name),
      close: nothingToClose,
    };
    if (isFile) input.files = [path];
    const folder = dirname(path);
    if (/^events_\d+_/.test(name) && basename(folder).startsWith('eventlog_v2_')) input.partOfRolled = folder;
    return { ok: true, input };
  }
  let entries: string[];
  try {
    entries = await readdir(path);
  } catch (err) {
    return { ok: false, error: `cannot read ${path}: ${ioMessage(err)}` };
  }
  const files = rolledParts(entries);
  if (files.length === 0) {
    return {
      ok: false,
      error: `${path}: a directory, but it holds no rolled event-log parts (events_<n>_<appId> files)`,
    };
  }
  const gap = rolledGap(name, files);
  if (gap !== undefined) return { ok: false, error: gap };
  return {
    ok: true,
    input: {
      name,
      parts: files.map((f) => filePart(join(path, f), f)),
      files: files.map((f) => join(path, f)),
      inProgress: rolledInProgress(entries) || isInProgress(files[files.length - 1]),
      close: nothingToClose,
    },
  };
}

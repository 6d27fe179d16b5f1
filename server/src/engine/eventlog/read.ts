// Reading an event log from disk whole (for the decoder thread's tests and the benchmark; readEventLog streams it
// instead, see locate.ts): a single file, or a rolled log directory (eventlog_v2_<appId>/ holding
// events_<n>_<appId>[.codec] parts, read in numeric order; appstatus_* is ignored).
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { loadZstdWasm } from './codecs/zstd-wasm';
import { decodeEventLogBytes } from './decode';
import type { TextSource } from './lines';
import { rolledParts } from './rolled-order';

export { rolledParts } from './rolled-order';

export type SourcesResult = { ok: true; name: string; sources: TextSource[] } | { ok: false; error: string };

function message(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    if (err.code === 'ENOENT') return 'no such file or directory';
    if (err.code === 'EACCES') return 'permission denied';
  }
  return err instanceof Error ? err.message : String(err);
}

export interface RawPart {
  name: string;
  bytes: Uint8Array;
}

/**
 * A log's files as bytes, in order. When a file cannot be read, `parts` holds the ones before it and `readError` says
 * why: a decoding error in an earlier part is reported first, as if the parts had been read and decoded one by one.
 */
export type RawPartsResult =
  { ok: true; name: string; parts: RawPart[]; readError?: string } | { ok: false; error: string };

async function readPartBytes(path: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }> {
  try {
    return { ok: true, bytes: await readFile(path) };
  } catch (err) {
    return { ok: false, error: `cannot read ${path}: ${message(err)}` };
  }
}

export async function readRawParts(path: string): Promise<RawPartsResult> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (err) {
    return { ok: false, error: `cannot read ${path}: ${message(err)}` };
  }
  const name = basename(path);
  if (!isDir) {
    const read = await readPartBytes(path);
    return read.ok ? { ok: true, name, parts: [{ name, bytes: read.bytes }] } : read;
  }
  let entries: string[];
  try {
    entries = await readdir(path);
  } catch (err) {
    return { ok: false, error: `cannot read ${path}: ${message(err)}` };
  }
  const files = rolledParts(entries);
  if (files.length === 0) {
    return {
      ok: false,
      error: `${path}: a directory, but it holds no rolled event-log parts (events_<n>_<appId> files)`,
    };
  }
  const parts: RawPart[] = [];
  for (const f of files) {
    const read = await readPartBytes(join(path, f));
    if (!read.ok) return { ok: true, name, parts, readError: read.error };
    parts.push({ name: f, bytes: read.bytes });
  }
  return { ok: true, name, parts };
}

/** Decodes the parts in order (in this thread); the first error wins. */
export function decodeRawParts(raw: { name: string; parts: readonly RawPart[]; readError?: string }): SourcesResult {
  const sources: TextSource[] = [];
  for (const part of raw.parts) {
    const decoded = decodeEventLogBytes(part.bytes, part.name);
    if (!decoded.ok) return decoded;
    sources.push({ name: part.name, text: decoded.text });
  }
  if (raw.readError !== undefined) return { ok: false, error: raw.readError };
  return { ok: true, name: raw.name, sources };
}

/** Reads and decodes a log in this thread. */
export async function readSources(path: string): Promise<SourcesResult> {
  const raw = await readRawParts(path);
  if (!raw.ok) return raw;
  await loadZstdWasm();
  return decodeRawParts(raw);
}

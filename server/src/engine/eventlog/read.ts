// Reading an event log from disk: a single file (plain or zstd), or a rolled log directory
// (eventlog_v2_<appId>/ holding events_<n>_<appId>[.zstd] parts, read in numeric order; appstatus_* is ignored).
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { decodeEventLogBytes } from './decode';
import type { TextSource } from './lines';

export type SourcesResult = { ok: true; name: string; sources: TextSource[] } | { ok: false; error: string };

const PART = /^events_(\d+)_/;

function message(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    if (err.code === 'ENOENT') return 'no such file or directory';
    if (err.code === 'EACCES') return 'permission denied';
  }
  return err instanceof Error ? err.message : String(err);
}

async function readPart(path: string, name: string): Promise<{ ok: true; source: TextSource } | { ok: false; error: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return { ok: false, error: `cannot read ${path}: ${message(err)}` };
  }
  const decoded = decodeEventLogBytes(bytes, name);
  return decoded.ok ? { ok: true, source: { name, text: decoded.text } } : decoded;
}

/** The numbered parts of a rolled log directory, in order. */
export function rolledParts(fileNames: readonly string[]): string[] {
  return fileNames
    .map((f) => ({ f, m: PART.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]) || a.f.localeCompare(b.f))
    .map((x) => x.f);
}

export async function readSources(path: string): Promise<SourcesResult> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (err) {
    return { ok: false, error: `cannot read ${path}: ${message(err)}` };
  }
  const name = basename(path);
  if (!isDir) {
    const part = await readPart(path, name);
    return part.ok ? { ok: true, name, sources: [part.source] } : part;
  }
  let entries: string[];
  try {
    entries = await readdir(path);
  } catch (err) {
    return { ok: false, error: `cannot read ${path}: ${message(err)}` };
  }
  const parts = rolledParts(entries);
  if (parts.length === 0) {
    return { ok: false, error: `${path}: a directory, but it holds no rolled event-log parts (events_<n>_<appId> files)` };
  }
  const sources: TextSource[] = [];
  for (const f of parts) {
    const part = await readPart(join(path, f), f);
    if (!part.ok) return part;
    sources.push(part.source);
  }
  return { ok: true, name, sources };
}

// The event-log benchmark's measured code, bundled by bench/eventlog.bench.mjs and run in a fresh process per
// measurement (so each peak RSS is its own): `node eventlog-entry.cjs reader|floor FILE` prints one JSON line.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readEventLog } from '../server/src/engine/eventlog';
import { Utf8Pieces } from '../server/src/engine/eventlog/utf8-pieces';

interface Measurement {
  mode: string;
  bytes: number;
  ms: number;
  /** CPU time of the process (all threads, user + system): steadier than wall time on a shared machine. */
  cpuMs: number;
  mbPerSec: number;
  peakRssMiB: number;
  events: number;
  tasks?: number;
  error?: string;
}

/**
 * The floor: the same file read in the same 1 MiB pieces, decoded the same way (Buffer's UTF-8 decoder), split into
 * lines, and every line given to JSON.parse — what reading costs when nothing is skipped and nothing is kept.
 */
async function jsonParseEveryLine(path: string): Promise<{ events: number }> {
  const decoder = new Utf8Pieces();
  let carry = '';
  let events = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const text = carry + decoder.decode(chunk as Buffer);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      if (nl > start) {
        JSON.parse(text.slice(start, nl));
        events++;
      }
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  if (carry.trim() !== '') {
    JSON.parse(carry);
    events++;
  }
  return { events };
}

async function main(): Promise<void> {
  const [mode, path] = process.argv.slice(2);
  const bytes = (await stat(path)).size;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let events = 0;
  let tasks: number | undefined;
  let error: string | undefined;
  if (mode === 'reader') {
    const r = await readEventLog(path);
    if (r.ok) {
      events = r.stats.events;
      tasks = r.stats.tasks;
    } else {
      error = r.error;
    }
  } else {
    events = (await jsonParseEveryLine(path)).events;
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const out: Measurement = {
    mode,
    bytes,
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    mbPerSec: Math.round((bytes / 1e6 / (ms / 1000)) * 10) / 10,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    events,
  };
  if (tasks !== undefined) out.tasks = tasks;
  if (error !== undefined) out.error = error;
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

void main();

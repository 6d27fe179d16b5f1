// The last event logs read, keyed by path and what stat says of it, so what-if re-runs do not read a large log again.
import { stat } from 'node:fs/promises';
import type { EventLogReplay, SparkDraService } from '../engine';
import type { Result } from '../../../protocol/result';

export class EventLogCache {
  private readonly entries = new Map<string, { stamp: string; log: EventLogReplay }>();

  constructor(private readonly size: number) {}

  async read(service: SparkDraService, path: string): Promise<Result<EventLogReplay>> {
    let stamp: string | undefined;
    try {
      const info = await stat(path);
      stamp = `${info.mtimeMs}:${info.size}:${info.isDirectory()}`;
    } catch {
      stamp = undefined; // the reader reports the error in its own words
    }
    const hit = this.entries.get(path);
    if (stamp !== undefined && hit?.stamp === stamp) return { ok: true, value: hit.log };
    const read = await service.readEventLog(path);
    this.entries.delete(path);
    if (stamp !== undefined && read.ok) {
      this.entries.set(path, { stamp, log: read.value });
      while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    }
    return read;
  }
}

// What each check of a job read, recorded while it runs, so that the next version of a one-job file can re-run only the
// checks an edit can change (see single-job-memo.ts).
//
// A check reads keys through the rule context (get, entries, winner): those are listed. Anything else that depends
// on every entry or on the text (the entry list itself, the repeated keys, the text, the whole parse) marks the check
// as reading everything.
import type { ConfigEntry } from '../model';

export interface CheckReads {
  /** Keys whose entries the check looked up, fallbacks of effective values included. */
  readonly keys: Set<string>;
  /** The check read something that depends on every entry or on the text. */
  everything: boolean;
}

export function emptyReads(): CheckReads {
  return { keys: new Set(), everything: false };
}

export class ReadTracker {
  /** Where reads go now: the running check's record, or undefined between checks. */
  current: CheckReads | undefined;

  key(key: string): void {
    this.current?.keys.add(key);
  }

  keys(keys: readonly string[]): void {
    const current = this.current;
    if (current === undefined) return;
    for (let i = 0; i < keys.length; i++) current.keys.add(keys[i] as string);
  }

  everything(): void {
    if (this.current) this.current.everything = true;
  }

  /** Runs `body` with its reads recorded in `reads`. */
  record<T>(reads: CheckReads, body: () => T): T {
    const outer = this.current;
    this.current = reads;
    try {
      return body();
    } finally {
      this.current = outer;
    }
  }
}

/**
 * Readers that depend on every entry of a kind of key rather than on every entry record a read of the group's name
 * (no key is spelled like it); an edit of an entry whose key is or was in the group re-runs them.
 */
export const VOLUME_KEYS = '<volume keys>';

const watched = new WeakMap<object, { tracker: ReadTracker; entries: readonly ConfigEntry[] }>();

/** Remembers a tracked rule context's tracker and the job's entries (called by buildContext). */
export function watchContext(ctx: object, tracker: ReadTracker, entries: readonly ConfigEntry[]): void {
  watched.set(ctx, { tracker, entries });
}

/**
 * The job's entries for a reader that depends only on the entries of a key group, recorded as a read of that group;
 * undefined when the context is not tracked (the caller reads `ctx.job.entries`).
 */
export function entriesForGroup(ctx: object, group: string): readonly ConfigEntry[] | undefined {
  const found = watched.get(ctx);
  if (!found) return undefined;
  found.tracker.key(group);
  return found.entries;
}

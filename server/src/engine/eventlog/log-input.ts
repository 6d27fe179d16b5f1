// What a path given as an event log turns into: the files of one application's log, in order, read lazily.
import type { LogPart } from './part-stream';

export interface LogInput {
  /** Names the log in messages; the fallback workload name. */
  name: string;
  parts: LogPart[];
  /** Paths of the parts on disk, in order, when every part is a file of its own (not an entry of a zip). */
  files?: string[];
  /** Spark marks a log still being written with ".inprogress" (the file, or a rolled log's appstatus file). */
  inProgress: boolean;
  /** The rolled eventlog_v2_* directory this one file is a part of, when it was given alone. */
  partOfRolled?: string;
  /** Releases what reading needed (an open zip). */
  close(): Promise<void>;
}

export type LocateResult = { ok: true; input: LogInput } | { ok: false; error: string };

export interface ReadEventLogOptions {
  /**
   * The application to read from a zip holding several (an id such as application_1698225730624_0003; an
   * attempt's log, id_1, matches its application's id too).
   */
  app?: string;
}

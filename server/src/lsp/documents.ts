// Parsed documents, cached per document version, with the Spark version each job runs.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from './uri';
import { resolveSparkVersion } from '../engine/effective';
import { parseFile, detectFormat, type SourceFile } from '../engine/locators';
import type { JobConfig, ParsedFile, SparkVersionSource } from '../engine/model';

export interface Analysis {
  version: number;
  source: SourceFile;
  parsed: ParsedFile;
  /** True when the file is of a format we read (even if it holds no job). */
  readable: boolean;
  versionOf: (job: JobConfig) => SparkVersionSource;
}

export class DocumentAnalyses {
  private readonly cache = new Map<string, Analysis>();
  private readonly versionOverrides = new Map<string, string>();

  constructor(private readonly defaultSparkVersion: () => string) {}

  get(doc: TextDocument): Analysis {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const source: SourceFile = { fileName: URI.path(doc.uri), languageId: doc.languageId, text: doc.getText() };
    const parsed = parseFile(source);
    const override = this.versionOverrides.get(doc.uri);
    const analysis: Analysis = {
      version: doc.version,
      source,
      parsed,
      readable: detectFormat(source) !== undefined,
      versionOf: (job) => resolveSparkVersion(job, { defaultSparkVersion: this.defaultSparkVersion(), override }),
    };
    this.cache.set(doc.uri, analysis);
    return analysis;
  }

  setVersionOverride(uri: string, version: string | undefined): void {
    if (version) this.versionOverrides.set(uri, version);
    else this.versionOverrides.delete(uri);
    this.cache.delete(uri);
  }

  versionOverride(uri: string): string | undefined {
    return this.versionOverrides.get(uri);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

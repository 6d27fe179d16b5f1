// The engine's model of each open document, kept per document version, and the Spark version a user chose per file.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { OpenInput, SparkDocument, SparkDraService } from '../engine';
import { URI } from './uri';

export class DocumentModels {
  private readonly cache = new Map<string, { version: number; model: SparkDocument }>();
  private readonly versionOverrides = new Map<string, string>();

  constructor(private readonly service: () => SparkDraService) {}

  get(doc: TextDocument): SparkDocument {
    const cached = this.cache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.model;
    // The previous version's model lets the engine reuse its parse when the edit allows.
    const model = this.service().open(this.openInput(doc), cached?.model);
    this.cache.set(doc.uri, { version: doc.version, model });
    return model;
  }

  /** What the engine needs to open the document (also in a worker thread). */
  openInput(doc: TextDocument): OpenInput {
    return {
      text: doc.getText(),
      fileName: URI.path(doc.uri),
      languageId: doc.languageId,
      versionOverride: this.versionOverrides.get(doc.uri),
    };
  }

  setVersionOverride(uri: string, version: string | undefined): void {
    if (version) this.versionOverrides.set(uri, version);
    else this.versionOverrides.delete(uri);
    this.cache.delete(uri);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Drops every model (the settings changed). */
  clear(): void {
    this.cache.clear();
  }
}

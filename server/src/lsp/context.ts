// What every request handler of the server may use: the open documents, their engine models, the workspace's
// StorageClasses and PersistentVolumeClaims, the settings and what the client said about itself.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SparkDraService } from '../engine';
import type { ClientOptions } from './client-options';
import type { DocumentModels } from './documents';
import type { ServerSettings } from './settings';
import type { WorkPool } from './work/pool';
import type { WorkspaceClaims } from './workspace-claims';
import type { WorkspaceStorageClasses } from './workspace-storage-classes';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  models: DocumentModels;
  storageClasses: WorkspaceStorageClasses;
  /** PersistentVolumeClaims of the workspace, for fixed executor claims. */
  claims: WorkspaceClaims;
  service(): SparkDraService;
  settings(): ServerSettings;
  client(): ClientOptions;
  /** Runs simulations and replays off the main thread. */
  work: WorkPool;
}

// Debounced validation: runs the engine's rules on a document and publishes the findings as diagnostics.
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Connection,
  type Diagnostic,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../engine/rules';
import type { Finding } from '../engine/rules/types';
import { toLspRange } from './convert';
import type { DocumentAnalyses } from './documents';
import type { ClientOptions } from './client-options';
import type { ServerSettings } from './settings';
import type { WorkspaceStorageClasses } from './workspace-storage-classes';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly results = new Map<string, { version: number; findings: Finding[] }>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: DocumentAnalyses,
    private readonly storageClasses: WorkspaceStorageClasses,
    private readonly settings: () => ServerSettings,
    private readonly client: () => ClientOptions,
  ) {}

  schedule(doc: TextDocument, delay = this.settings().debounceMs): void {
    const pending = this.timers.get(doc.uri);
    if (pending) clearTimeout(pending);
    this.timers.set(
      doc.uri,
      setTimeout(() => {
        this.timers.delete(doc.uri);
        const current = this.documents.get(doc.uri);
        if (current) this.publish(current);
      }, delay),
    );
  }

  /** Drops cached findings (e.g. after the document's Spark version changed) and checks it again now. */
  invalidate(doc: TextDocument): void {
    this.results.delete(doc.uri);
    this.schedule(doc, 0);
  }

  revalidateAll(exceptUri?: string): void {
    this.results.clear();
    for (const doc of this.documents.all()) if (doc.uri !== exceptUri) this.schedule(doc);
  }

  clear(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.results.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Findings for the document's current version (computed now when not cached). */
  findings(doc: TextDocument): Finding[] {
    const cached = this.results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.findings;
    const findings = this.compute(doc);
    this.results.set(doc.uri, { version: doc.version, findings });
    return findings;
  }

  publish(doc: TextDocument): void {
    const findings = this.findings(doc);
    const diagnostics = findings.map((f) => toDiagnostic(doc, f));
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  private compute(doc: TextDocument): Finding[] {
    const analysis = this.analyses.get(doc);
    if (!analysis.readable) return [];
    const settings = this.settings();
    try {
      const findings = analyze({
        text: analysis.source.text,
        parsed: analysis.parsed,
        settings: {
          defaultSparkVersion: settings.defaultSparkVersion,
          versionOverride: this.analyses.versionOverride(doc.uri),
          severities: settings.rules,
        },
        workspaceStorageClasses: this.storageClasses.all(doc.uri),
      });
      const shownByEditor = this.client().editorShowsSyntaxErrors ?? [];
      return shownByEditor.includes(analysis.parsed.format) ? findings.filter((f) => f.ruleId !== 'syntax') : findings;
    } catch (error) {
      this.connection.console.error(
        `spark-dra: validation failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return [];
    }
  }
}

function toDiagnostic(doc: TextDocument, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toLspRange(doc, finding.range),
    severity: SEVERITY[finding.severity],
    source: 'spark-dra',
    code: finding.ruleId,
    message: finding.message,
  };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri: doc.uri, range: toLspRange(doc, r.range) },
      message: r.message,
    }));
  }
  const tags = (finding.tags ?? []).map((t) =>
    t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated,
  );
  if (tags.length > 0) diagnostic.tags = tags;
  return diagnostic;
}

// Debounced validation: asks the engine for a document's findings and publishes them as diagnostics.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../engine';
import type { ServerContext } from './context';
import { toLspRange } from './convert';
import type { RuleDocs } from './rule-docs';
import { MAX_PUBLISHED_DIAGNOSTICS } from '../../../protocol/limits';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A validation waiting to run: at once (the leading edge of the debounce) or after the delay (its trailing edge). */
interface Pending {
  leading: boolean;
  cancel(): void;
}

export class DiagnosticsPublisher {
  private readonly pending = new Map<string, Pending>();
  /** When each document was last checked (performance.now()), to tell a first edit from one of a burst. */
  private readonly lastChecked = new Map<string, number>();
  private readonly results = new Map<string, { version: number; findings: Finding[] }>();
  /**
   * Diagnostics built before, by finding. The engine hands the same finding object to a later version of a document
   * only when the text before every place it names is unchanged (engine/rules/single-job-memo.ts), so its line and
   * character positions still hold; typing in a large file then converts only the findings at or after the edit.
   */
  private readonly built = new WeakMap<Finding, Diagnostic>();
  /** Until the client's settings are read, nothing is checked: findings under default settings would flash by. */
  private waitingForSettings = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly ruleDocs?: RuleDocs,
  ) {}

  /**
   * Checks the document again, debounced on both edges: an edit after a quiet spell (no check of the document for
   * `delay` ms) is checked at once, so a single keystroke waits for no timer; edits that follow within the delay are
   * checked once, `delay` ms after the last of them. A check reads the document's text when it runs, so edits that
   * arrive before it are included.
   */
  schedule(doc: TextDocument, delay = this.ctx.settings().debounceMs): void {
    if (this.waitingForSettings) return; // settingsRead() checks every open document
    const uri = doc.uri;
    const pending = this.pending.get(uri);
    if (pending?.leading) return;
    pending?.cancel();
    const quiet = performance.now() - (this.lastChecked.get(uri) ?? Number.NEGATIVE_INFINITY) >= delay;
    if (delay <= 0 || (pending === undefined && quiet)) {
      const immediate = setImmediate(() => this.check(uri));
      this.pending.set(uri, { leading: true, cancel: () => clearImmediate(immediate) });
    } else {
      const timer = setTimeout(() => this.check(uri), delay);
      this.pending.set(uri, { leading: false, cancel: () => clearTimeout(timer) });
    }
  }

  private check(uri: string): void {
    this.pending.delete(uri);
    this.lastChecked.set(uri, performance.now());
    const current = this.ctx.documents.get(uri);
    if (current) this.publish(current);
  }

  /** Holds every check until settingsRead() (the server has asked the client for its settings). */
  waitForSettings(): void {
    this.waitingForSettings = true;
  }

  /** The settings are in: every open document is checked again (at once, unless it was checked a moment ago). */
  settingsRead(): void {
    this.waitingForSettings = false;
    this.revalidateAll();
  }

  /** Drops cached findings (e.g. after the document's Spark version changed) and checks it again now. */
  invalidate(doc: TextDocument): void {
    this.results.delete(doc.uri);
    this.schedule(doc, 0);
  }

  revalidateAll(exceptUri?: string): void {
    this.results.clear();
    for (const doc of this.ctx.documents.all()) if (doc.uri !== exceptUri) this.schedule(doc);
  }

  clear(uri: string): void {
    this.pending.get(uri)?.cancel();
    this.pending.delete(uri);
    this.lastChecked.delete(uri);
    this.results.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
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
    // The document is parsed here, after the debounce, not on every keystroke. A StorageClass or a claim it declares
    // can change the findings of other open job files.
    const model = this.ctx.models.get(doc);
    const classesChanged = this.ctx.storageClasses.updateOpenDocument(doc.uri, model.storageClasses);
    const claimsChanged = this.ctx.claims.updateOpenDocument(doc.uri, model.claims);
    if (classesChanged || claimsChanged) this.revalidateAll(doc.uri);
    const findings = this.findings(doc);
    const shown = Math.min(findings.length, MAX_PUBLISHED_DIAGNOSTICS);
    const diagnostics: Diagnostic[] = new Array<Diagnostic>(shown);
    for (let i = 0; i < shown; i++) {
      const finding = findings[i] as Finding;
      let diagnostic = this.built.get(finding);
      if (diagnostic === undefined) {
        diagnostic = toDiagnostic(doc, finding, this.ruleDocs);
        this.built.set(finding, diagnostic);
      }
      diagnostics[i] = diagnostic;
    }
    if (findings.length > shown) diagnostics.push(leftOut(findings.length, shown));
    void this.ctx.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  private compute(doc: TextDocument): Finding[] {
    const model = this.ctx.models.get(doc);
    try {
      return model.diagnostics({
        workspaceStorageClasses: this.ctx.storageClasses.all(doc.uri),
        workspaceClaims: this.ctx.claims.all(doc.uri),
        omitSyntax:
          model.format !== undefined && (this.ctx.client().editorShowsSyntaxErrors ?? []).includes(model.format),
      });
    } catch (error) {
      this.ctx.connection.console.error(
        `spark-dra: validation failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return [];
    }
  }
}

/** The note at the top of a file with more findings than are published. */
function leftOut(total: number, shown: number): Diagnostic {
  const count = (n: number): string => n.toLocaleString('en-US');
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'spark-dra',
    code: 'too-many-problems',
    message:
      `spark-dra shows the first ${count(shown)} of ${count(total)} problems in this file (by position); ` +
      `\`spark-dra check\` on the file lists them all.`,
  };
}

function toDiagnostic(doc: TextDocument, finding: Finding, ruleDocs: RuleDocs | undefined): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toLspRange(doc, finding.range),
    severity: SEVERITY[finding.severity],
    source: 'spark-dra',
    code: finding.ruleId,
    message: finding.message,
  };
  const href = ruleDocs?.href(finding.ruleId);
  if (href !== undefined) diagnostic.codeDescription = { href };
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

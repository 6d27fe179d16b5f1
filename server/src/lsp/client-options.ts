// What the client tells the server at initialize, beyond LSP's own capabilities.

export interface ClientOptions {
  /** Formats whose syntax errors the editor already shows (VS Code shows JSON's): we do not repeat them. */
  editorShowsSyntaxErrors?: string[];
  /** In an untrusted workspace nothing is read beyond the open files. */
  workspaceTrusted?: boolean;
}

export function readClientOptions(raw: unknown): ClientOptions {
  if (!raw || typeof raw !== 'object') return {};
  const obj = raw as Record<string, unknown>;
  const shown = Array.isArray(obj.editorShowsSyntaxErrors)
    ? obj.editorShowsSyntaxErrors.filter((x): x is string => typeof x === 'string')
    : undefined;
  return {
    editorShowsSyntaxErrors: shown,
    workspaceTrusted: typeof obj.workspaceTrusted === 'boolean' ? obj.workspaceTrusted : undefined,
  };
}

// Ids of the editor commands the language server names in its answers (command code actions). The VS Code extension
// registers them; another LSP client may bind them to its own handlers.

/**
 * Opens the DRA advisor for a job. Arguments: the file's URI (string) and the job's index in the file; an optional
 * third argument `{ preset }` or `{ eventLogPath }` picks the workload without asking.
 */
export const SUGGEST_SETTINGS_COMMAND = 'sparkDra.suggestSettings';

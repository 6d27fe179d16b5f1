// "Apply to file" from the simulation panel: the server computes the edits, the client applies them as one
// WorkspaceEdit (one undo step). No Spark knowledge here.
import * as vscode from 'vscode';
import { problemText } from '../../protocol/result';
import type { ServerApi } from './server-api';

/** The open document for `uri`; files that are not open are not read (the panel only exists for open files). */
function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === key);
}

/**
 * Writes Spark key → value into the job file. Returns true when applied (or nothing needed changing); throws with a
 * message for the panel when the values could not be written.
 */
export async function applyValuesToDocument(
  api: ServerApi,
  uri: vscode.Uri,
  values: Record<string, string>,
  jobIndex = 0,
): Promise<boolean> {
  const doc = openDocument(uri);
  if (!doc) throw new Error('The file is not open any more: open it again to apply the values.');
  const version = doc.version;
  const response = await api.valueEdits({ uri: uri.toString(), jobIndex, values });
  if (!response.ok) throw new Error(problemText(response.problem));
  if (response.value.length === 0) return true;
  if (doc.isClosed || doc.version !== version)
    throw new Error('The file changed while the edit was prepared: apply again.');
  const edit = new vscode.WorkspaceEdit();
  for (const e of response.value) {
    const range = new vscode.Range(
      e.range.start.line,
      e.range.start.character,
      e.range.end.line,
      e.range.end.character,
    );
    edit.replace(uri, range, e.newText);
  }
  return vscode.workspace.applyEdit(edit);
}

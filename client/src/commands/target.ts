// The job file a command acts on: the URI it was invoked with (editor title, explorer) or the active editor's file.
import * as vscode from 'vscode';
import type { FileInfoResponse } from '../../../protocol/requests';
import { isJobFile } from '../file-status';
import { errorText, type Services } from '../services';

export interface JobTarget {
  document: vscode.TextDocument;
  info: FileInfoResponse;
}

function documentFor(arg: unknown): vscode.TextDocument | undefined {
  // A Uri from the editor title or explorer; a URI string from a code lens the language server made.
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? parseUri(arg) : undefined;
  if (uri) {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === key);
    if (open) return open;
  }
  return vscode.window.activeTextEditor?.document;
}

function parseUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

/** The target job file, or undefined after telling the user why there is none. */
export async function jobTarget(services: Services, arg: unknown, action: string): Promise<JobTarget | undefined> {
  const document = documentFor(arg);
  if (!document) {
    void vscode.window.showInformationMessage(
      `Open a Spark job file (EMR job JSON, SparkApplication YAML, spark-defaults.conf, PySpark) to ${action}.`,
    );
    return undefined;
  }
  let info: FileInfoResponse;
  try {
    info = await services.api.fileInfo(document.uri.toString());
  } catch (error) {
    void vscode.window.showErrorMessage(`Spark DRA could not read this file: ${errorText(error)}`);
    return undefined;
  }
  if (!isJobFile(info)) {
    void vscode.window.showInformationMessage(
      `${basename(document.uri)} holds no Spark job that Spark DRA reads, so there is nothing to ${action.split(' ')[0]}.`,
    );
    return undefined;
  }
  return { document, info };
}

export function basename(uri: vscode.Uri): string {
  const parts = uri.path.split('/');
  return parts[parts.length - 1] || uri.toString();
}

/** Lets the user choose a job when the file holds several; the first job otherwise. Undefined when dismissed. */
export async function pickJob(info: FileInfoResponse, title: string): Promise<number | undefined> {
  if (info.jobs <= 1) return 0;
  const items = Array.from({ length: info.jobs }, (_, i) => ({
    label: `Job ${i + 1}`,
    description: i === 0 ? 'first document' : undefined,
    index: i,
  }));
  const chosen = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: 'This file holds several jobs: which one?',
  });
  return chosen?.index;
}

// Spark DRA: New Job File… — pick a template (EMR on EKS, EMR Serverless, spark-operator, spark-defaults.conf,
// PySpark, StorageClass) and get an untitled document in the right language with the template inserted as a
// snippet (tab through its placeholders).
import * as vscode from 'vscode';
import { templatesFrom, TEMPLATE_FILES, type JobTemplate } from '../job-templates';
import { errorText, type Services } from '../services';

export async function loadTemplates(extensionUri: vscode.Uri): Promise<JobTemplate[]> {
  const all: JobTemplate[] = [];
  for (const source of TEMPLATE_FILES) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, source.file));
    all.push(...templatesFrom(JSON.parse(new TextDecoder().decode(bytes)) as unknown, source));
  }
  return all;
}

/** Opens an untitled document of the template's language with the template inserted; returns its editor. */
export async function openTemplate(template: JobTemplate): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: template.language, content: '' });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await editor.insertSnippet(new vscode.SnippetString(template.body), new vscode.Position(0, 0));
  return editor;
}

export function registerNewJobFile(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand('sparkDra.newJobFile', async (templateName?: unknown) => {
    let templates: JobTemplate[];
    try {
      templates = await loadTemplates(services.context.extensionUri);
    } catch (error) {
      void vscode.window.showErrorMessage(`Spark DRA could not read its templates: ${errorText(error)}`);
      return undefined;
    }
    // A template may be named by the caller (a walkthrough link, a test); otherwise the user chooses.
    let chosen = typeof templateName === 'string' ? templates.find((t) => t.name === templateName) : undefined;
    if (!chosen) {
      const picked = await vscode.window.showQuickPick(
        templates.map((template) => ({
          label: template.name,
          description: template.languageLabel,
          detail: template.description,
          template,
        })),
        { title: 'New Spark Job File', placeHolder: 'Choose the platform and kind of file', matchOnDetail: true },
      );
      chosen = picked?.template;
    }
    if (!chosen) return undefined;
    await openTemplate(chosen);
    return chosen.name;
  });
}

// The Get Started walkthrough's commands: open it, and open its example job as an untitled copy (so the user edits a
// scratch document, never the file inside the extension).
import * as vscode from 'vscode';
import { errorText, type Services } from '../services';

/** The walkthrough's id as VS Code knows it: `<publisher>.<name>#<walkthrough id>`. */
export function walkthroughId(context: vscode.ExtensionContext): string {
  return `${context.extension.id}#gettingStarted`;
}

/** The example the walkthrough opens, shipped in the .vsix. */
export const TOUR_EXAMPLE = 'examples/mistakes/first-job-tour.json';

export function registerWalkthrough(services: Services): vscode.Disposable[] {
  const { context } = services;
  return [
    vscode.commands.registerCommand('sparkDra.getStarted', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId(context), false),
    ),
    vscode.commands.registerCommand('sparkDra.openTourExample', async () => {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, TOUR_EXAMPLE));
        const document = await vscode.workspace.openTextDocument({
          language: 'json',
          content: new TextDecoder().decode(bytes),
        });
        await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
        return document.uri.toString();
      } catch (error) {
        void vscode.window.showErrorMessage(`Spark DRA could not open its example: ${errorText(error)}`);
        return undefined;
      }
    }),
  ];
}

// Clicking the status bar item opens a small menu of what a person does with the file, rather than starting a
// simulation outright (the item shows the Spark version, so it reads as a place to change it).
import * as vscode from 'vscode';
import { statusMenuItems } from './status-menu-items';

export const STATUS_MENU_COMMAND = 'sparkDra.statusMenu';

export function registerStatusMenu(): vscode.Disposable {
  return vscode.commands.registerCommand(STATUS_MENU_COMMAND, async () => {
    const items = statusMenuItems();
    const chosen = await vscode.window.showQuickPick(items, {
      title: 'Spark DRA',
      placeHolder: 'What to do with this job file',
    });
    if (chosen) await vscode.commands.executeCommand(chosen.command);
  });
}

// Job templates as completions in a blank document: in a new JSON, YAML, spark-defaults or Python file, Ctrl+Space
// (or typing a word of the template's name, such as "emr" or "sparkapplication") offers the whole job, without having
// to know that the snippet prefixes start with "spark".
import * as vscode from 'vscode';
import { loadTemplates } from './commands/new-job-file';
import { isBlankBesides, type JobTemplate } from './job-templates';

export function registerEmptyFileTemplates(context: vscode.ExtensionContext): vscode.Disposable {
  let templates: Promise<JobTemplate[]> | undefined;
  const languages = ['json', 'jsonc', 'yaml', 'spark-defaults', 'python'];
  return vscode.languages.registerCompletionItemProvider(
    languages.map((language) => ({ language })),
    {
      async provideCompletionItems(document, position) {
        const wordRange = document.getWordRangeAtPosition(position);
        const word = wordRange ? document.getText(wordRange) : '';
        if (document.lineCount > 50 || !isBlankBesides(document.getText(), word)) return undefined;
        templates ??= loadTemplates(context.extensionUri).catch(() => []);
        const language = document.languageId === 'jsonc' ? 'json' : document.languageId;
        return (await templates)
          .filter((template) => template.language === language)
          .map((template) => {
            const item = new vscode.CompletionItem(template.name, vscode.CompletionItemKind.Snippet);
            item.insertText = new vscode.SnippetString(template.body);
            item.detail = `Spark DRA template · ${template.languageLabel}`;
            item.documentation = template.description;
            item.filterText = `${template.name} ${template.languageLabel}`;
            item.range = wordRange ?? new vscode.Range(position, position);
            return item;
          });
      },
    },
  );
}

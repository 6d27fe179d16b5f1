// The job file templates "New Job File…" offers: the extension's own snippets (snippets/*.json), one list for every
// platform, each with the editor language its document opens in. Pure: reads parsed JSON, not files.

/** Each snippet file and the language of the documents its snippets start. */
export const TEMPLATE_FILES: ReadonlyArray<{ file: string; language: string; languageLabel: string }> = [
  { file: 'snippets/json.json', language: 'json', languageLabel: 'JSON' },
  { file: 'snippets/yaml.json', language: 'yaml', languageLabel: 'YAML' },
  { file: 'snippets/spark-defaults.json', language: 'spark-defaults', languageLabel: 'spark-defaults.conf' },
  { file: 'snippets/python.json', language: 'python', languageLabel: 'PySpark' },
];

export interface JobTemplate {
  /** The snippet's name: what the template is ("EMR on EKS job with dynamic allocation"). */
  name: string;
  description: string;
  language: string;
  languageLabel: string;
  /** The snippet body in VS Code's snippet syntax (tab stops and placeholders). */
  body: string;
}

/** The templates of one snippet file; entries that are not well-formed snippets are left out. */
export function templatesFrom(parsed: unknown, source: { language: string; languageLabel: string }): JobTemplate[] {
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
  const templates: JobTemplate[] = [];
  for (const [name, raw] of Object.entries(parsed as Record<string, unknown>)) {
    if (!raw || typeof raw !== 'object') continue;
    const snippet = raw as Record<string, unknown>;
    const lines = Array.isArray(snippet.body) ? snippet.body : [snippet.body];
    if (!lines.every((line): line is string => typeof line === 'string') || lines.length === 0) continue;
    templates.push({
      name,
      description: typeof snippet.description === 'string' ? snippet.description : '',
      language: source.language,
      languageLabel: source.languageLabel,
      body: `${lines.join('\n')}\n`,
    });
  }
  return templates;
}

/** True when the document holds nothing but the word being typed (where templates are offered as completions). */
export function isBlankBesides(text: string, word: string): boolean {
  return text.replace(word, '').trim() === '';
}

// Picks the locator for a file and runs it. Each format's locator lives in its own module.
import type { CompletionContext, FileFormat, ParsedFile } from '../model';
import { emptyParsedFile } from '../model';
import { jsonCompletionContext, parseJsonFile } from './json';
import { yamlCompletionContext, parseYamlFile } from './yaml';
import { isTemplateFile } from './yaml/template-mask';
import { sparkDefaultsCompletionContext, parseSparkDefaults } from './spark-defaults';
import { pysparkCompletionContext, parsePyspark } from './pyspark';
import { shellCompletionContext, parseShellScript } from './shell';

export interface SourceFile {
  /** File name or URI path; only its base name and extension are looked at. */
  fileName: string;
  /** The editor's language id when known (json, jsonc, yaml, python, spark-defaults, shellscript). */
  languageId?: string;
  text: string;
}

/** The format a file is read as, or undefined when we do not read it at all. */
export function detectFormat(file: Pick<SourceFile, 'fileName' | 'languageId'>): FileFormat | undefined {
  const base = file.fileName.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '';
  switch (file.languageId) {
    case 'json':
    case 'jsonc':
      return 'json';
    case 'yaml':
      return 'yaml';
    case 'python':
      return 'python';
    case 'spark-defaults':
      return 'spark-defaults';
    case 'shellscript':
      return 'shell';
  }
  if (base.endsWith('.json') || base.endsWith('.jsonc')) return 'json';
  if (base.endsWith('.yaml') || base.endsWith('.yml')) return 'yaml';
  if (base.endsWith('.py')) return 'python';
  if (base.endsWith('.sh') || base.endsWith('.bash')) return 'shell';
  if (
    base === 'spark-defaults.conf' ||
    /^spark-defaults.*\.conf$/.test(base) ||
    base.endsWith('.spark-defaults.conf')
  ) {
    return 'spark-defaults';
  }
  return undefined;
}

/** Reads a file into jobs and storage classes. Never throws; files with no Spark configuration yield no jobs. */
export function parseFile(file: SourceFile): ParsedFile {
  const parsed = parseByFormat(file);
  parsed.fileName = file.fileName;
  for (const info of parsed.storageClasses) info.file = file.fileName;
  return parsed;
}

function parseByFormat(file: SourceFile): ParsedFile {
  const format = detectFormat(file);
  if (!format) return emptyParsedFile('json');
  switch (format) {
    case 'json':
      return parseJsonFile(file.text);
    case 'yaml':
      return parseYamlFile(file.text, isTemplateFile(file.fileName, file.text));
    case 'spark-defaults':
      return parseSparkDefaults(file.text);
    case 'python':
      return parsePyspark(file.text);
    case 'shell':
      return parseShellScript(file.text);
  }
}

/** What the cursor at `offset` is on, for completion. */
export function completionContextAt(
  file: SourceFile,
  parsed: ParsedFile,
  offset: number,
): CompletionContext | undefined {
  switch (parsed.format) {
    case 'json':
      return jsonCompletionContext(file.text, parsed, offset);
    case 'yaml':
      return yamlCompletionContext(file.text, parsed, offset);
    case 'spark-defaults':
      return sparkDefaultsCompletionContext(file.text, parsed, offset);
    case 'python':
      return pysparkCompletionContext(file.text, parsed, offset);
    case 'shell':
      return shellCompletionContext(file.text, parsed, offset);
  }
}

// The languages the language server reads. Pure.
export const JOB_FILE_LANGUAGES: readonly string[] = [
  'json',
  'jsonc',
  'yaml',
  'python',
  'spark-defaults',
  'shellscript',
];

export function isCandidateLanguage(languageId: string): boolean {
  return JOB_FILE_LANGUAGES.includes(languageId);
}

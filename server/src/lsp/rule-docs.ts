// Where each rule is explained: its section of docs/rules.md, which ships in the .vsix next to dist/. A diagnostic's
// codeDescription links there as `file:///…/docs/rules.md#L<line>` (editors open file links at the line after `#L`).
// Without the file (a build that left it out) diagnostics carry no link rather than a broken one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** docs/rules.md beside the running bundle (dist/server.js → ../docs/rules.md), or undefined. */
export function findRulesDoc(): string | undefined {
  const dir = typeof __dirname === 'string' ? __dirname : undefined;
  const path = dir ? join(dir, '..', 'docs', 'rules.md') : undefined;
  return path && existsSync(path) ? path : undefined;
}

/** Rule id → link to its section, read once from the document's `### \`rule-id\`` headings. */
export class RuleDocs {
  private readonly links = new Map<string, string>();

  constructor(path: string | undefined) {
    if (!path) return;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return;
    }
    const base = pathToFileURL(path).toString();
    text.split(/\r?\n/).forEach((line, index) => {
      const heading = /^###\s+`([a-z0-9-]+)`\s*$/.exec(line);
      if (heading?.[1] !== undefined && !this.links.has(heading[1])) {
        this.links.set(heading[1], `${base}#L${index + 1}`);
      }
    });
  }

  /** The link to a rule's section; undefined for an id the document does not describe. */
  href(ruleId: string): string | undefined {
    return this.links.get(ruleId);
  }
}

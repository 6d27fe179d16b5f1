// Expands the CLI's file arguments: plain files, directories (walked) and simple globs (`*`, `**`, `?`).
import { statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { createSparkDraService } from '../engine';
import { walkFiles } from '../walk-files';

export interface ExpandedFiles {
  files: string[];
  /** Arguments that matched nothing. */
  missing: string[];
}

export function expandFileArgs(args: string[]): ExpandedFiles {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const found = /[*?]/.test(arg) ? expandGlob(arg) : expandPath(arg);
    if (found === undefined || found.length === 0) missing.push(arg);
    else files.push(...found);
  }
  return { files: [...new Set(files)], missing };
}

function expandPath(path: string): string[] | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return undefined;
  }
  if (stat.isFile()) return [path];
  if (stat.isDirectory()) return walk(path).filter((f) => readsFile(f));
  return undefined;
}

function walk(dir: string): string[] {
  return walkFiles(dir).map((f) => f.path);
}

function expandGlob(pattern: string): string[] {
  const parts = pattern.split(/[\\/]/);
  const firstGlob = parts.findIndex((p) => /[*?]/.test(p));
  const base = parts.slice(0, firstGlob).join(sep) || '.';
  const regex = globToRegExp(parts.slice(firstGlob).join('/'));
  return walk(base)
    .filter((file) => regex.test(relative(base, file).split(sep).join('/')))
    .map((file) => (base === '.' && !pattern.startsWith('.') ? relative('.', file) : file));
}

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

const formats = createSparkDraService();

/** True for files of a format spark-dra reads. */
function readsFile(path: string): boolean {
  return formats.reads(path);
}

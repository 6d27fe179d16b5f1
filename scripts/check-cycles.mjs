// Fails when source modules import each other in a circle, type-only imports included (a circle through types is
// still a circle in the design). Reads the relative `import … from` / `export … from` specifiers of every source file.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOTS = ['server/src', 'client/src', 'client/webview', 'protocol'];
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function sources(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...sources(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(resolve(path));
  }
  return found;
}

function resolveModule(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier).replace(/\.js$/, '');
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const graph = new Map();
for (const file of ROOTS.flatMap(sources)) {
  const text = readFileSync(file, 'utf8');
  const targets = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const target = resolveModule(file, match[1]);
    if (target) targets.push(target);
  }
  graph.set(file, targets);
}

// Tarjan's strongly connected components; any component of more than one module is a circle.
let counter = 0;
const stack = [];
const meta = new Map();
const circles = [];
function visit(node) {
  const own = { index: counter, low: counter, onStack: true };
  counter++;
  meta.set(node, own);
  stack.push(node);
  for (const next of graph.get(node) ?? []) {
    if (!meta.has(next)) {
      visit(next);
      own.low = Math.min(own.low, meta.get(next).low);
    } else if (meta.get(next).onStack) own.low = Math.min(own.low, meta.get(next).index);
  }
  if (own.low !== own.index) return;
  const part = [];
  let member;
  do {
    member = stack.pop();
    meta.get(member).onStack = false;
    part.push(relative(process.cwd(), member));
  } while (member !== node);
  if (part.length > 1) circles.push(part.sort());
}
for (const node of graph.keys()) if (!meta.has(node)) visit(node);

if (circles.length > 0) {
  console.error(`Import circles (${circles.length}):`);
  for (const part of circles) console.error(`  ${part.join(' ↔ ')}`);
  process.exit(1);
}
console.log(`No import circles among ${graph.size} modules.`);

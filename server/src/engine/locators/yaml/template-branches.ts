// Which branch of a Helm conditional each place of a template sits in. `{{ if }} a {{ else }} b {{ end }}` renders a
// or b, never both, so two settings in different branches of one conditional are alternatives, not a repetition.
import type { Range } from '../../model';

/** The opening words of actions that start a block closed by `{{ end }}`. */
const BLOCK_OPENERS = new Set(['if', 'with', 'range', 'define', 'block']);

interface BranchMark {
  /** Offset where this branch path starts to hold (the end of an action). */
  from: number;
  /** `block:branch` pairs from the outermost block in, joined by `/`; empty outside every block. */
  path: string;
}

/** The branch paths of a template, in text order, for `branchAt`. */
export function templateBranches(text: string, spans: readonly Range[]): BranchMark[] {
  const marks: BranchMark[] = [];
  const stack: Array<{ block: number; branch: number }> = [];
  spans.forEach((span, index) => {
    const word = firstWord(text.slice(span.start, span.end));
    if (BLOCK_OPENERS.has(word)) stack.push({ block: index, branch: 0 });
    else if (word === 'else' && stack.length > 0) (stack[stack.length - 1] as { branch: number }).branch += 1;
    else if (word === 'end') stack.pop();
    else return;
    marks.push({ from: span.end, path: stack.map((level) => `${level.block}:${level.branch}`).join('/') });
  });
  return marks;
}

/** The branch path at `offset` ('' when no block encloses it). */
export function branchAt(marks: readonly BranchMark[], offset: number): string {
  let low = 0;
  let high = marks.length - 1;
  let found = '';
  while (low <= high) {
    const middle = (low + high) >> 1;
    const mark = marks[middle] as BranchMark;
    if (mark.from <= offset) {
      found = mark.path;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** True when two branch paths are different branches of one conditional: at most one of them is rendered. */
export function exclusiveBranches(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] === right[i]) continue;
    const [leftBlock, leftBranch] = (left[i] as string).split(':');
    const [rightBlock, rightBranch] = (right[i] as string).split(':');
    return leftBlock === rightBlock && leftBranch !== rightBranch;
  }
  return false;
}

/** The action's first word: `{{- else if .x -}}` → `else`. */
function firstWord(action: string): string {
  const inner = action.replace(/^\{\{-?\s*/, '');
  return /^[A-Za-z]+/.exec(inner)?.[0] ?? '';
}

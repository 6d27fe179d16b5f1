// Ordering a job's stage DAG: parents before children, and cycle detection.

export interface DagNode {
  id: number;
  parents: readonly number[];
}

export type TopoResult = { ok: true; order: number[] } | { ok: false; cycle: number[] };

/**
 * Sorts nodes so every node comes after its parents, keeping the given order wherever the DAG allows (a stable Kahn
 * sort). Parent ids that name no node are ignored. On a cycle, returns the ids of one cycle in dependency order.
 */
export function topoSort(nodes: readonly DagNode[]): TopoResult {
  const position = new Map<number, number>();
  nodes.forEach((n, i) => position.set(n.id, i));
  const children: number[][] = nodes.map(() => []);
  const waiting: number[] = nodes.map(() => 0);
  nodes.forEach((n, i) => {
    for (const p of new Set(n.parents)) {
      const pi = position.get(p);
      if (pi === undefined) continue;
      children[pi].push(i);
      waiting[i]++;
    }
  });
  // `ready` is kept sorted by written position so the result is stable.
  const ready: number[] = [];
  waiting.forEach((w, i) => {
    if (w === 0) ready.push(i);
  });
  const order: number[] = [];
  while (ready.length > 0) {
    const i = ready.shift() as number;
    order.push(nodes[i].id);
    for (const c of children[i]) {
      waiting[c]--;
      if (waiting[c] === 0) insertSorted(ready, c);
    }
  }
  if (order.length === nodes.length) return { ok: true, order };
  return { ok: false, cycle: findCycle(nodes, position, waiting) };
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1] > value) i--;
  list.splice(i, 0, value);
}

/** Walks parent links among the nodes left unsorted until a node repeats; that loop is a cycle. */
function findCycle(nodes: readonly DagNode[], position: Map<number, number>, waiting: number[]): number[] {
  const stuck = (i: number): boolean => waiting[i] > 0;
  let current = waiting.findIndex((w) => w > 0);
  const seenAt = new Map<number, number>();
  const path: number[] = [];
  while (!seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    const next = nodes[current].parents.map((p) => position.get(p)).find((pi) => pi !== undefined && stuck(pi));
    if (next === undefined) break; // cannot happen for a stuck node; guards against a malformed input
    current = next;
  }
  const start = seenAt.get(current) ?? 0;
  // The walk followed parent links; reverse it so each id is a parent of the next, then start the loop at the node
  // written first so the message does not depend on where the walk began.
  const loop = path.slice(start).reverse();
  const first = loop.indexOf(Math.min(...loop));
  return loop
    .slice(first)
    .concat(loop.slice(0, first))
    .map((i) => nodes[i].id);
}

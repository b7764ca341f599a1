import path from 'node:path';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

/**
 * Dependencies between the server's folders flow one way. madge reads the runtime imports (type-only imports
 * are erased by TypeScript and cannot form a load cycle); a folder is a node, and so is each file at the top
 * of server/ (config, context, schema, app, index), since those are separate modules with separate roles.
 */
async function folderGraph(): Promise<Map<string, Set<string>>> {
  const root = path.resolve('server');
  const result = await madge(root, {
    fileExtensions: ['ts'],
    tsConfig: path.resolve('tsconfig.json'),
    detectiveOptions: { ts: { skipTypeImports: true }, es6: { skipTypeImports: true } },
  });
  const node = (file: string) => (file.includes('/') ? file.split('/')[0] : file.replace(/\.ts$/, ''));
  const graph = new Map<string, Set<string>>();
  for (const [file, imports] of Object.entries(result.obj())) {
    const from = node(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const imported of imports) {
      const to = node(imported);
      if (to !== from) graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one member: each is a cycle of folders. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('server dependencies', () => {
  it('no two server folders import each other, directly or around a loop (16 of 21 folders were in one cycle)', async () => {
    const graph = await folderGraph();
    expect(graph.size).toBeGreaterThan(15);
    expect(cycles(graph)).toEqual([]);
  });

  it('the cycle finder sees a loop when there is one', () => {
    const graph = new Map([
      ['facilities', new Set(['isochrones'])],
      ['isochrones', new Set(['facilities'])],
      ['db', new Set<string>()],
    ]);
    expect(cycles(graph)).toEqual([['facilities', 'isochrones']]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { preProcessFile } from 'typescript';

/** Every relative import between the library's own files, type-only imports included. */
function importGraph(root: string): Map<string, string[]> {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => join(root, file));
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      preProcessFile(readFileSync(file, 'utf8'))
        .importedFiles.map((imported) => imported.fileName)
        .filter((name) => name.startsWith('.'))
        .map((name) => `${resolve(dirname(file), name)}.ts`)
        .filter((target) => known.has(target)),
    ]),
  );
}

/** One cycle per strongly connected loop found by a depth-first walk, as a list of files. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    const at = path.indexOf(file);
    if (at >= 0) {
      found.push(path.slice(at));
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

describe('libs/contracts imports', () => {
  it('form no cycle', () => {
    const root = __dirname;
    const graph = importGraph(root);
    expect(graph.size).toBeGreaterThan(20);
    const loops = cycles(graph).map((loop) => loop.map((file) => file.slice(root.length + 1)));
    expect(loops).toEqual([]);
  });

  it('would report a cycle', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});

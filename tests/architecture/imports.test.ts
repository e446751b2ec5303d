// The 0.2 structure (DESIGN.md), checked on the source: no import cycles, core knows no feature, and the
// core entry reaches no feature and no @tanstack/query-core at runtime. (madge would do the cycle part,
// but it needs the TypeScript 5 compiler API, and this project builds with TypeScript 7.)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

interface Edge {
  to: string;
  /** `import type` / `export type`, or every named specifier marked `type`: gone at runtime. */
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/gm;

function edgesOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  for (const [, , typeKeyword, clause = '', specifier = ''] of text.matchAll(statement)) {
    const named = /\{([^}]*)\}/.exec(clause);
    const allTypes = named !== null && !/^[\w$]+\s*,/.test(clause) && named[1]!.split(',').every((part) => part.trim() === '' || /^type\s/.test(part.trim()));
    const to = specifier.startsWith('.') ? resolve(dirname(file), specifier.replace(/\.js$/, '.ts')) : specifier;
    edges.push({ to, typeOnly: typeKeyword !== undefined || allTypes });
  }
  return edges;
}

const graph = new Map(files(src).map((file) => [file, edgesOf(file)]));
const name = (file: string) => relative(root, file);

function reachable(from: string, runtimeOnly: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const edge of graph.get(file) ?? []) if (!(runtimeOnly && edge.typeOnly)) visit(edge.to);
  };
  visit(from);
  return seen;
}

describe('the 0.2 architecture', () => {
  it('no import cycles in src/ (type-only imports included)', () => {
    // Tarjan's strongly connected components.
    let index = 0;
    const stack: string[] = [];
    const meta = new Map<string, { index: number; low: number; onStack: boolean }>();
    const cycles: string[][] = [];
    const connect = (file: string) => {
      const m = { index, low: index, onStack: true };
      index++;
      meta.set(file, m);
      stack.push(file);
      for (const { to } of graph.get(file) ?? []) {
        if (!graph.has(to)) continue;
        const other = meta.get(to);
        if (other === undefined) {
          connect(to);
          m.low = Math.min(m.low, meta.get(to)!.low);
        } else if (other.onStack) m.low = Math.min(m.low, other.index);
      }
      if (m.low === m.index) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          meta.get(member)!.onStack = false;
          component.push(name(member));
        } while (member !== file);
        if (component.length > 1) cycles.push(component);
      }
    };
    for (const file of graph.keys()) if (!meta.has(file)) connect(file);
    expect(cycles).toEqual([]);
  });

  it('no cycles between folders either (a folder is a layer: a type import back up is a cycle too)', () => {
    const folderOf = (file: string) => name(file).split('/').slice(0, name(file).startsWith('src/problem/dialects/') ? 3 : 2).join('/');
    const folders = new Map<string, Set<string>>();
    for (const [file, edges] of graph) {
      const from = folderOf(file);
      const targets = folders.get(from) ?? new Set<string>();
      folders.set(from, targets);
      for (const { to } of edges) if (graph.has(to) && folderOf(to) !== from && !name(to).startsWith('src/index')) targets.add(folderOf(to));
    }
    const cycles: string[] = [];
    const walk = (folder: string, path: string[]) => {
      if (path.includes(folder)) return void cycles.push([...path.slice(path.indexOf(folder)), folder].join(' -> '));
      for (const next of folders.get(folder) ?? []) walk(next, [...path, folder]);
    };
    for (const folder of folders.keys()) walk(folder, []);
    expect([...new Set(cycles)]).toEqual([]);
  });

  it('no file in src/ is over 250 lines', () => {
    const long = [...graph.keys()].map((file) => [name(file), readFileSync(file, 'utf8').split('\n').length - 1] as const).filter(([, lines]) => lines > 250);
    expect(long).toEqual([]);
  });

  it('core/ imports errors/, problem/ and retry/ only (core knows no feature)', () => {
    const allowed = ['src/core/', 'src/errors/', 'src/problem/', 'src/retry/'];
    const bad: string[] = [];
    for (const [file, edges] of graph) {
      if (!name(file).startsWith('src/core/')) continue;
      for (const { to } of edges) {
        const target = to.startsWith('/') ? name(to) : to;
        if (to.startsWith('/') ? !allowed.some((prefix) => target.startsWith(prefix)) || target.startsWith('src/problem/dialects/') : to !== 'ky') {
          bad.push(`${name(file)} -> ${target}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('the core entry reaches no feature entry and no @tanstack/query-core at runtime (pay for what you import)', () => {
    const runtime = [...reachable(join(src, 'index.ts'), true)].map((file) => (file.startsWith('/') ? name(file) : file));
    const features = ['src/auth/', 'src/hal/', 'src/batch/', 'src/poll/', 'src/forms/', 'src/problem/dialects/'];
    expect(runtime.filter((file) => features.some((prefix) => file.startsWith(prefix)))).toEqual([]);
    expect(runtime.filter((file) => file.startsWith('@tanstack/'))).toEqual([]);
    // The check itself can fail: the auth entry does reach its own folder.
    expect([...reachable(join(src, 'auth/index.ts'), true)].some((file) => name(file).startsWith('src/auth/refresh'))).toBe(true);
  });
});

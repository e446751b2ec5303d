#!/usr/bin/env node
// Type-checks every ```ts, ```typescript and ```tsx block of README.md against the source, as a user would write it:
// `fetchwise` resolves to src/index.ts and `fetchwise/<entry>` to src/<entry>/index.ts.
//
// Each block becomes its own module under tests/readme/.blocks/ (gitignored) and one `tsc --noEmit`
// checks them all. A block may name what it leaves out (your form, your `showToast`) in a hidden
// preamble: an HTML comment right above the fence, which is not shown on GitHub:
//
//   <!-- readme-check
//   declare const form: { name: string };
//   -->
//
// A block that augments a module or the global scope (`declare module`, `declare global`) is checked in
// a program of its own: whether an augmentation compiles depends on what else the program imports
// (TypeScript 7 reports "Invalid module name in augmentation" for a module nothing imports), and its
// effect (e.g. TanStack's `Register`) must not leak into the other blocks.
//
// `<!-- readme-check skip -->` above a block leaves it out (for a block that is not TypeScript to run,
// e.g. a type shown for reading). Errors are reported at their README line.
//
// Usage: node tests/readme/check.mjs [file.md]   (exit code 1 on any error)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The ```ts / ```tsx blocks of a Markdown text, with their preamble and the README line of their first code line. */
export function extractBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]);
    if (!fence) continue;
    const [, marker, info] = fence;
    const lang = { typescript: 'ts', ts: 'ts', tsx: 'tsx' }[info.toLowerCase()];
    // The closing fence: the same character, at least as many, nothing else (CommonMark). A ```ts
    // shown inside a ````md block is part of that block, not a block of its own.
    const closing = new RegExp(`^${marker[0]}{${marker.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(lines[end])) end++;
    if (lang === undefined) {
      i = end;
      continue;
    }
    const { preamble, skip } = readPreamble(lines, i);
    blocks.push({ lang, line: i + 2, code: lines.slice(i + 1, end).join('\n'), preamble, skip });
    i = end;
  }
  return blocks;
}

/** The `<!-- readme-check … -->` comment ending on the line just above the fence (blank lines allowed). */
function readPreamble(lines, fenceIndex) {
  let last = fenceIndex - 1;
  while (last >= 0 && lines[last].trim() === '') last--;
  if (last < 0 || !lines[last].trimEnd().endsWith('-->')) return { preamble: '', skip: false };
  let first = last;
  while (first >= 0 && !lines[first].includes('<!--')) first--;
  if (first < 0) return { preamble: '', skip: false };
  const comment = lines.slice(first, last + 1).join('\n');
  const match = /<!--\s*readme-check\b([\s\S]*?)-->/.exec(comment);
  if (!match) return { preamble: '', skip: false };
  const body = match[1].trim();
  if (body === 'skip') return { preamble: '', skip: true };
  return { preamble: body, skip: false };
}

/** Writes the blocks as modules plus a tsconfig, runs tsc once, and maps its errors back to Markdown lines. */
export function checkMarkdown(file, outDir = join(root, 'tests/readme/.blocks')) {
  const markdown = readFileSync(file, 'utf8');
  const blocks = extractBlocks(markdown);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files = new Map();
  const alone = [];
  blocks.forEach((block, index) => {
    if (block.skip) return;
    const name = `block-${String(index + 1).padStart(2, '0')}-line-${block.line}.${block.lang}`;
    const head = block.preamble ? `${block.preamble}\n` : '';
    // `export {}` makes every block a module (top-level await, its own scope) without changing a line number.
    writeFileSync(join(outDir, name), `${head}${block.code}\nexport {};\n`);
    files.set(name, { block, offset: head === '' ? 0 : head.split('\n').length - 1 });
    if (/^\s*declare\s+(module|global)\b/m.test(block.code)) alone.push(name);
  });
  const src = relative(outDir, join(root, 'src')).replaceAll('\\', '/');
  writeFileSync(
    join(outDir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          moduleResolution: 'Bundler',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          allowImportingTsExtensions: true,
          jsx: 'react-jsx',
          types: [],
          paths: { fetchwise: [`${src}/index.ts`], 'fetchwise/dialects': [`${src}/problem/dialects/index.ts`], 'fetchwise/*': [`${src}/*/index.ts`] },
        },
        include: ['./*.ts', './*.tsx'],
        exclude: alone,
      },
      null,
      2,
    ),
  );
  const programs = ['tsconfig.json'];
  for (const name of alone) {
    const config = `tsconfig.${name}.json`;
    writeFileSync(join(outDir, config), JSON.stringify({ extends: './tsconfig.json', include: [`./${name}`], exclude: [] }));
    programs.push(config);
  }
  const errors = [];
  for (const program of programs) collect(runTsc(join(outDir, program)), files, errors);
  return { checked: files.size, skipped: blocks.length - files.size, errors };
}

function runTsc(project) {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project, '--pretty', 'false'], { cwd: root, encoding: 'utf8' });
  return { status: tsc.status, output: `${tsc.stdout}${tsc.stderr}` };
}

function collect(tsc, files, errors) {
  const before = errors.length;
  for (const line of tsc.output.split('\n')) {
    const match = /([^\s/\\]+\.tsx?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    const entry = match && files.get(match[1]);
    if (!match) {
      if (/error TS/.test(line)) errors.push({ line: 0, message: line.trim() });
      continue;
    }
    if (!entry) {
      errors.push({ line: 0, message: line.trim() });
      continue;
    }
    const codeLine = Number(match[2]) - entry.offset;
    const where = codeLine >= 1 ? entry.block.line + codeLine - 1 : entry.block.line - 1;
    errors.push({ line: where, message: `${match[4]}: ${match[5]}${codeLine < 1 ? ' (in the readme-check preamble)' : ''}` });
  }
  if (tsc.status !== 0 && errors.length === before) errors.push({ line: 0, message: `tsc exited with ${tsc.status}: ${tsc.output}`.trim() });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = resolve(process.argv[2] ?? join(root, 'README.md'));
  const started = performance.now();
  const { checked, skipped, errors } = checkMarkdown(file);
  const name = relative(process.cwd(), file);
  for (const error of errors) console.error(`${name}:${error.line}: ${error.message}`);
  const time = Math.round(performance.now() - started);
  console.log(`readme check: ${checked} TypeScript blocks of ${name} checked${skipped ? `, ${skipped} skipped` : ''}, ${errors.length} errors (${time} ms)`);
  process.exitCode = errors.length > 0 ? 1 : 0;
}

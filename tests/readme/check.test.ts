import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script, no declarations
import { checkMarkdown } from './check.mjs';

const dir = mkdtempSync(join(tmpdir(), 'fetchwise-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fence = '```';
const markdown = [
  '# A README', // 1
  '', // 2
  `${fence}ts`, // 3
  "import { createClient } from 'fetchwise';", // 4
  "const api = createClient({ baseUrl: '/api' });", // 5
  "const n: number = await api.get<string>('/x');", // 6: a string is not a number
  fence, // 7
  '<!-- readme-check', // 8
  'declare const form: { name: string };', // 9
  '-->', // 10
  `${fence}ts`, // 11
  "import { setHookFormErrors } from 'fetchwise/forms';", // 12
  'console.log(form.name, setHookFormErrors);', // 13
  'console.log(form.nope);', // 14: not in the preamble's type
  fence, // 15
  '<!-- readme-check skip -->', // 16
  `${fence}tsx`, // 17
  'this is not TypeScript', // 18
  fence, // 19
  `${fence}ts`, // 20
  "declare module 'no-such-module' {", // 21: an augmentation of a module nothing can import
  '  interface X { y: string }', // 22
  '}', // 23
  fence, // 24
  `${fence}\`md`, // 25: a Markdown example that shows a fence: not a block of its own
  `${fence}ts`, // 26
  'not checked', // 27
  fence, // 28
  `${fence}\``, // 29
].join('\n');

describe('README check', () => {
  it('type-checks each block with fetchwise resolved to src, honours preambles and skip, and reports README lines', () => {
    const file = join(dir, 'README.md');
    writeFileSync(file, markdown);
    const result = checkMarkdown(file, join(dir, 'blocks')) as { checked: number; skipped: number; errors: { line: number; message: string }[] };
    expect(result.checked).toBe(3);
    expect(result.skipped).toBe(1);
    expect(result.errors.map((error) => [error.line, error.message.slice(0, 6)])).toEqual([
      [6, 'TS2322'],
      [14, 'TS2339'],
      [21, 'TS2664'],
    ]);
  }, 60_000);
});

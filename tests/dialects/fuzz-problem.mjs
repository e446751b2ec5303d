// 100,000 generated error bodies through readProblem (the default reader) and JSON.stringify of each problem.
// Reports throws, the slowest body, unserialisable problems and prototype pollution. Not part of npm test:
//   node tests/dialects/fuzz-problem.mjs [count] [seed]
import { build } from 'esbuild';
import fc from 'fast-check';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = await build({
  stdin: { contents: "export { readProblem } from './src/problem/read-problem.ts';", resolveDir: root, loader: 'ts' },
  bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent',
});
const file = join(mkdtempSync(join(tmpdir(), 'fw-fuzz-')), 'read-problem.mjs');
writeFileSync(file, bundle.outputFiles[0].text);
const { readProblem } = await import(pathToFileURL(file).href);

const count = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 42);

const keys = ['errors', 'error', 'details', 'detail', 'message', 'messages', 'violations', 'invalid-params', 'issues', 'validation',
  'fieldErrors', 'formErrors', 'non_field_errors', 'field', 'path', 'loc', 'pointer', 'propertyPath', 'param', 'name', 'msg', 'title',
  'type', 'code', 'keys', 'source', 'locations', 'reason', 'statusCode', '__proto__', 'constructor', 'toString', 'body', 'json', ''];
const hostile = fc.oneof(
  fc.constantFrom('[ ', 'a[', '/', '~1', "['", '.', '$[', '#/', '[', ']').chain((s) => fc.integer({ min: 1, max: 5_000 }).map((n) => s.repeat(n))),
  fc.constantFrom('[{"path":["a"],"message":"m"}]', '{"errors":{"a":["b"]}}', '[[[[[[[[[[', '{"__proto__":{"x":1}}'),
);
const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), hostile);
const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...keys) }, fc.string(), hostile);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 6 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
}));
const deep = fc.integer({ min: 1, max: 30_000 }).chain((n) =>
  fc.constantFrom('[', '{"errors":', '{"detail":[', '{"a":').map((open) => {
    const close = open === '[' ? ']' : open === '{"detail":[' ? ']}' : '}';
    return open.repeat(n) + '"x"' + close.repeat(n);
  }),
);
const bodyText = fc.oneof(
  { weight: 8, arbitrary: value.map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.oneof(fc.string(), hostile) },
);
const contentType = fc.constantFrom('application/json', 'application/problem+json', 'text/plain', 'text/html', '', 'application/json; charset=utf-8');
const status = fc.constantFrom(400, 401, 404, 409, 422, 429, 500, 503);

const samples = fc.sample(fc.tuple(bodyText, contentType, status), { numRuns: count, seed });
let throws = 0;
let unserialisable = 0;
let worst = { ms: 0, body: '' };
let over50 = 0;
let over50Retimed = 0;
const times = [];
const slow = [];
for (const [text, type, code] of samples) {
  const response = new Response(text, { status: code, headers: type ? { 'content-type': type } : {} });
  const start = performance.now();
  let problem;
  try {
    problem = await readProblem(response);
  } catch {
    throws++;
    continue;
  }
  let ms = performance.now() - start;
  const firstMs = ms;
  if (ms > 50) {
    // Timed again, best of 3: a garbage-collection pause or another process on a shared machine is not the body's cost.
    for (let run = 0; run < 3; run++) {
      const again = performance.now();
      await readProblem(new Response(text, { status: code, headers: type ? { 'content-type': type } : {} }));
      ms = Math.min(ms, performance.now() - again);
    }
    const parseStart = performance.now();
    try {
      JSON.parse(text);
    } catch {}
    const parseMs = performance.now() - parseStart;
    slow.push({ firstMs: +firstMs.toFixed(1), bestMs: +ms.toFixed(1), jsonParseMs: +parseMs.toFixed(1), length: text.length, head: text.slice(0, 40) });
  }
  times.push(firstMs);
  if (firstMs > 50) over50++;
  if (ms > 50) over50Retimed++;
  if (firstMs > worst.ms) worst = { ms: firstMs, body: text.slice(0, 80) };
  try {
    JSON.stringify(problem);
  } catch {
    unserialisable++;
  }
}
times.sort((a, b) => a - b);
const polluted = ({}).x !== undefined || ({}).polluted !== undefined || Object.keys(Object.prototype).length > 0;
console.log(JSON.stringify({
  bodies: samples.length, seed, throws, unserialisable, over50msFirstRun: over50, over50msBestOf3: over50Retimed,
  p50ms: +times[Math.floor(times.length / 2)].toFixed(3), p99ms: +times[Math.floor(times.length * 0.99)].toFixed(3),
  worstMs: +worst.ms.toFixed(2), worstBody: worst.body, prototypePolluted: polluted, retimed: slow,
}, null, 2));

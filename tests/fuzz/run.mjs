// `npm run fuzz`: hostile error bodies through `readProblem` and through the client against a real server.
//   node tests/fuzz/run.mjs [--bodies=100000] [--client=20000] [--seed=42] [--src=src]
// Prints: untyped throws, worst time per body, prototype pollution, problems that do not serialise.
// Exits 1 on an untyped throw or any prototype pollution. Not part of `npm test` (about a minute).
import { build } from 'esbuild';
import fc from 'fast-check';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const BODIES = arg('bodies', 100_000);
const CLIENT = arg('client', 20_000);
const SEED = arg('seed', 42);
const SRC = process.argv.find((a) => a.startsWith('--src='))?.slice('--src='.length) ?? 'src';

// The library from source, bundled once with its dependencies (no TypeScript runner needed).
const dir = mkdtempSync(join(tmpdir(), 'fw-fuzz-'));
const bundle = join(dir, 'fetchwise.mjs');
await build({ entryPoints: [resolve(SRC, 'index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error', nodePaths: [resolve('node_modules')] });
const { createClient, readProblem, isFetchwiseError } = await import(bundle);
rmSync(dir, { recursive: true, force: true });

// ---------- generated bodies ----------
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'items[0].name', 'a.b.c', '/data/attributes/name', '~0~1', '[]', '$', 'ñ', '🔥'),
  fc.tuple(fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 1, max: 200 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }) }), fc.constantFrom('[ ', 'a[', '/', '.', '[', ']', "['", '~1', '\\')).map(([n, unit]) => unit.repeat(n)),
  fc.string({ maxLength: 40 }),
);
const leaf = fc.oneof(fc.string({ maxLength: 60 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const messages = fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }));
const fieldMap = fc.dictionary(hostileKey, messages, { maxKeys: 5 });
const issue = fc.record(
  {
    loc: fc.array(fc.oneof(hostileKey, fc.integer({ min: -1, max: 10 })), { maxLength: 5 }),
    msg: leaf,
    message: leaf,
    field: hostileKey,
    parameterName: hostileKey,
    errorCode: leaf,
    code: leaf,
    name: hostileKey,
    reason: leaf,
    path: fc.oneof(hostileKey, fc.array(hostileKey, { maxLength: 4 })),
    source: fc.record({ pointer: hostileKey, parameter: hostileKey }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const problemLike = fc.record(
  {
    type: leaf,
    title: leaf,
    status: fc.oneof(fc.integer({ min: -5, max: 999 }), leaf),
    detail: fc.oneof(leaf, fc.array(issue, { maxLength: 5 })),
    instance: leaf,
    code: leaf,
    errorCode: leaf,
    message: fc.oneof(leaf, fieldMap),
    error: fc.oneof(leaf, fc.record({ message: leaf, code: leaf, details: fc.array(issue, { maxLength: 3 }), errors: fc.array(issue, { maxLength: 3 }) }, { requiredKeys: [] })),
    error_description: leaf,
    errors: fc.oneof(fc.array(issue, { maxLength: 6 }), fieldMap, leaf),
    'invalid-params': fc.array(issue, { maxLength: 4 }),
    non_field_errors: messages,
    fieldErrors: fieldMap,
    formErrors: messages,
    violations: fc.array(issue, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);
const deep = fc.tuple(fc.integer({ min: 1, max: 25_000 }), fc.constantFrom('[', '{"a":', '{"errors":', '{"detail":[{"loc":')).map(([depth, open]) => {
  const close = open === '[' ? ']' : open.endsWith('[{"loc":') ? '}]}' : '}';
  return open.repeat(depth) + '1' + close.repeat(depth);
});
const pollution = fc.tuple(fc.constantFrom('errors', 'detail', 'error', 'message', 'fieldErrors', 'extensions', 'data'), leaf).map(
  ([key, value]) =>
    `{"${key}":{"__proto__":{"polluted":${JSON.stringify(value ?? 'x')},"isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}}},"__proto__":{"polluted":"top"},"errors":[{"loc":["__proto__","polluted"],"msg":"x"},{"source":{"pointer":"/__proto__/polluted"},"detail":"x"},{"field":"constructor.prototype.polluted","message":"x"}]}`,
);
const jsonText = fc.oneof(
  { weight: 5, arbitrary: problemLike.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: deep },
  { weight: 2, arbitrary: pollution },
  { weight: 1, arbitrary: problemLike.map((value) => JSON.stringify(value)).chain((text) => fc.integer({ min: 0, max: text.length }).map((cut) => text.slice(0, cut))) },
);
const text = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('<!doctype html><h1>502 Bad Gateway</h1>', '', ' ', 'null', '"just a string"', '[]', '{}', '\u0000\uFFFF'), fc.integer({ min: 1, max: 200_000 }).map((n) => 'x'.repeat(n)));
const contentType = fc.oneof(
  fc.constantFrom('application/problem+json', 'application/json', 'application/vnd.api+json', 'application/hal+json', 'text/html', 'text/plain', 'application/json; charset=utf-8'),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `application/json;${' ;'.repeat(n)}`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `application/${'+'.repeat(n)}json`),
);
const status = fc.oneof(fc.constantFrom(400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 429, 500, 501, 502, 503, 504), fc.integer({ min: 400, max: 599 }));
const body = fc.record({ status, contentType, text: fc.oneof({ weight: 4, arbitrary: jsonText }, { weight: 1, arbitrary: text }) });

// ---------- checks ----------
const protoKeys = () => [Object.getOwnPropertyNames(Object.prototype).join(), Object.getOwnPropertyNames(Array.prototype).join(), Object.getOwnPropertyNames(Function.prototype).join()].join('|');
const cleanProtos = protoKeys();
const polluted = () => protoKeys() !== cleanProtos || {}.polluted !== undefined || {}.isAdmin !== undefined || [].polluted !== undefined;
/** Objects in `value` whose prototype is not Object.prototype, Array.prototype or null (a `__proto__` key that became a prototype). */
function foreignPrototypes(value) {
  let found = 0;
  const stack = [[value, 0]];
  const seen = new Set();
  let visited = 0;
  while (stack.length > 0 && visited < 20_000) {
    const [node, depth] = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node) || depth > 200) continue;
    seen.add(node);
    visited++;
    const proto = Object.getPrototypeOf(node);
    const known = proto === Object.prototype || proto === Array.prototype || proto === null || node instanceof Error || node instanceof Headers;
    if (!known) found++;
    if (node instanceof Headers) continue;
    for (const key of Object.keys(node)) stack.push([node[key], depth + 1]);
  }
  return found;
}

const report = { bodies: 0, untyped: [], worst: { ms: 0, size: 0, preview: '' }, pollution: 0, foreign: 0, notSerialisable: 0, totalMs: 0 };
const preview = (t) => (t.length > 80 ? `${t.slice(0, 60)}… (${t.length} chars)` : t);

const started = performance.now();
for (let done = 0; done < BODIES; ) {
  const batch = fc.sample(body, { numRuns: Math.min(2_000, BODIES - done), seed: SEED + done });
  for (const { status: code, contentType: type, text: bodyText } of batch) {
    const t = performance.now();
    let problem;
    try {
      problem = await readProblem(new Response(bodyText, { status: code, headers: { 'content-type': type } }));
    } catch (error) {
      report.untyped.push(`${error?.name}: ${String(error?.message).slice(0, 100)} on ${preview(bodyText)}`);
    }
    const ms = performance.now() - t;
    report.totalMs += ms;
    if (ms > report.worst.ms) report.worst = { ms, size: bodyText.length + type.length, preview: `${preview(type)} ${preview(bodyText)}` };
    if (polluted()) {
      report.pollution++;
      break;
    }
    if (problem) {
      report.foreign += foreignPrototypes(problem) > 0 ? 1 : 0;
      try {
        JSON.stringify(problem);
      } catch {
        report.notSerialisable++;
      }
    }
  }
  done += batch.length;
  report.bodies = done;
  if (done % 10_000 === 0) console.error(`  readProblem: ${done} bodies, ${((performance.now() - started) / 1000).toFixed(0)} s, worst ${report.worst.ms.toFixed(0)} ms`);
  if (report.pollution) break;
}
const problemSeconds = (performance.now() - started) / 1000;

// ---------- the client against a real server ----------
let next = { status: 500, contentType: 'text/plain', text: '' };
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(next.status, { 'content-type': next.contentType.slice(0, 8_000) });
    res.end(next.text);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const client = createClient({ baseUrl: `http://127.0.0.1:${server.address().port}`, retry: false, timeout: 10_000 });
const clientReport = { requests: 0, untyped: [], resolved: 0, worst: { ms: 0, preview: '' }, foreign: 0, notSerialisable: 0, pollution: 0 };
const clientStarted = performance.now();
for (let done = 0; done < CLIENT; ) {
  const batch = fc.sample(body, { numRuns: Math.min(1_000, CLIENT - done), seed: SEED * 7 + done });
  for (const item of batch) {
    next = item;
    const t = performance.now();
    try {
      await client.get('/fuzz');
      clientReport.resolved++; // a 4xx/5xx must never resolve
    } catch (error) {
      if (!isFetchwiseError(error)) clientReport.untyped.push(`${error?.name}: ${String(error?.message).slice(0, 100)} on ${preview(item.text)}`);
      else {
        clientReport.foreign += foreignPrototypes(error.problem ?? {}) > 0 ? 1 : 0;
        try {
          JSON.stringify(error);
        } catch {
          clientReport.notSerialisable++;
        }
      }
    }
    const ms = performance.now() - t;
    if (ms > clientReport.worst.ms) clientReport.worst = { ms, preview: `${item.status} ${preview(item.contentType)} ${preview(item.text)}` };
    if (polluted()) {
      clientReport.pollution++;
      break;
    }
  }
  done += batch.length;
  clientReport.requests = done;
  if (clientReport.pollution) break;
}
server.close();
const clientSeconds = (performance.now() - clientStarted) / 1000;

console.log(`readProblem: ${report.bodies} bodies in ${problemSeconds.toFixed(1)} s (mean ${(report.totalMs / report.bodies).toFixed(3)} ms)`);
console.log(`  untyped throws: ${report.untyped.length}${report.untyped.length ? `\n    ${report.untyped.slice(0, 5).join('\n    ')}` : ''}`);
console.log(`  worst time per body: ${report.worst.ms.toFixed(1)} ms (${report.worst.size} chars: ${report.worst.preview})`);
console.log(`  prototype pollution: ${report.pollution ? 'YES' : 'none'} (Object/Array/Function.prototype unchanged, ({}).polluted undefined); problems with a foreign prototype inside: ${report.foreign}`);
console.log(`  JSON.stringify(problem) threw (R-SERIALISABLE): ${report.notSerialisable}`);
console.log(`client.get against a real server: ${clientReport.requests} responses in ${clientSeconds.toFixed(1)} s`);
console.log(`  untyped throws: ${clientReport.untyped.length}${clientReport.untyped.length ? `\n    ${clientReport.untyped.slice(0, 5).join('\n    ')}` : ''}; resolved instead of rejecting: ${clientReport.resolved}`);
console.log(`  worst time per response: ${clientReport.worst.ms.toFixed(1)} ms (${clientReport.worst.preview})`);
console.log(`  prototype pollution: ${clientReport.pollution ? 'YES' : 'none'}; errors with a foreign prototype in problem: ${clientReport.foreign}; JSON.stringify(error) threw: ${clientReport.notSerialisable}`);
const failed = report.untyped.length + clientReport.untyped.length + report.pollution + clientReport.pollution + report.foreign + clientReport.foreign + clientReport.resolved;
process.exit(failed > 0 ? 1 : 0);

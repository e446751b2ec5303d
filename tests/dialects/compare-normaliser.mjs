// Differential check for size work on the normaliser: reads the same bodies with this worktree's readers and with
// those of a git revision, prints the bodies whose problem differs (`raw` left out) and the time each takes.
// Not part of npm test:
//   node tests/dialects/compare-normaliser.mjs [git-rev=HEAD] [count=30000] [seed=7]
// The bodies: generated from the keys the normaliser reads (so entries, envelopes, maps and paths meet), plus
// every live and copied fixture.
import { build } from 'esbuild';
import fc from 'fast-check';
import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [rev = 'HEAD', count = '30000', seed = '7'] = process.argv.slice(2);
const old = mkdtempSync(join(tmpdir(), 'fw-compare-'));
execSync(`git archive ${rev} src/problem | tar -x -C ${old}`, { cwd: root });

async function load(dir) {
  const contents = "export { buildProblem } from './src/problem/build-problem.ts'; export { defaultDialects } from './src/problem/default-dialects.ts';";
  const bundle = await build({ stdin: { contents, resolveDir: dir, loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
  return import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
}
const [before, after] = [await load(old), await load(root)];
const read = ({ buildProblem, defaultDialects }, body) => {
  const { raw, ...problem } = buildProblem({ status: 422, contentType: 'application/json', body }, defaultDialects);
  return JSON.stringify(problem);
};

const keys = ['errors', 'error', 'details', 'detail', 'message', 'messages', 'violations', 'invalid-params', 'invalid_params', 'issues',
  'validation', 'fieldErrors', 'formErrors', 'non_field_errors', 'nonFieldErrors', '__all__', '_schema', 'base', 'fieldViolations',
  'nestedErrors', 'field', 'path', 'loc', 'pointer', 'propertyPath', 'property', 'param', 'parameter', 'parameterName', 'instancePath',
  'dataPath', 'target', 'attribute', 'key', 'name', 'msg', 'description', 'defaultMessage', 'title', 'text', 'code', 'errorCode',
  'error_code', 'rule', 'keyword', 'type', 'reason', 'keys', 'source', 'locations', 'statusCode', 'error_description', 'error_uri',
  'instance', 'status', 'body', 'query', 'params', 'header', 'headers', 'cookie', 'cookies', 'json', 'form', 'files', 'payload',
  'querystring', 'data', 'attributes', '', 'a', 'b'];
const strings = fc.constantFrom('x', 'Bad thing', 'body', 'query', 'a.b', 'items[0].name', '/a/b', '#/c', '/data/attributes/t', '', ' ',
  'invalid_type', 'E1', '$.a', 'a b', '[{"path":["a"],"message":"m"}]', '{"a":["b"]}', 'json', 'name', '0');
const leaf = fc.oneof(strings, fc.constantFrom(0, 3, 400, 1.5, true, false, null));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 5 }),
}));
const bodies = fc.sample(value, { numRuns: Number(count), seed: Number(seed) });
const fixtures = join(root, 'tests', 'dialects', 'fixtures');
for (const source of readdirSync(fixtures)) {
  for (const framework of readdirSync(join(fixtures, source))) {
    for (const file of readdirSync(join(fixtures, source, framework))) {
      const { body } = JSON.parse(readFileSync(join(fixtures, source, framework, file), 'utf8'));
      try {
        bodies.push(JSON.parse(body));
      } catch {
        bodies.push(body);
      }
    }
  }
}

let differ = 0;
for (const body of bodies) {
  const [was, is] = [read(before, body), read(after, body)];
  if (was !== is && differ++ < 5) console.log(`body ${JSON.stringify(body)}\n  ${rev}: ${was}\n  now: ${is}`);
}
console.log(`${bodies.length} bodies, ${differ} read differently from ${rev}`);

// Time too (a size step once made every message a thrown JSON.parse): best of 5 rounds each, interleaved.
const entries = { errors: Array.from({ length: 1_000 }, (_, i) => ({ field: `f${i}`, message: `Message ${i} is not valid` })) };
const best = { [rev]: [Infinity, Infinity], now: [Infinity, Infinity] };
for (let round = 0; round < 5; round++) {
  for (const [name, readers] of [[rev, before], ['now', after]]) {
    for (const [slot, list] of [[0, bodies], [1, Array(100).fill(entries)]]) {
      const start = performance.now();
      for (const body of list) read(readers, body);
      best[name][slot] = Math.min(best[name][slot], performance.now() - start);
    }
  }
}
for (const [name, [all, many]] of Object.entries(best)) {
  console.log(`${name}: all bodies ${all.toFixed(0)} ms, a body of 1,000 entries ×100 ${many.toFixed(0)} ms`);
}

// Bytes of the error-body readers, bundled like bench/lib/size.js does (esbuild, minified, browser ESM),
// gzip -9. Run: node tests/dialects/measure-size.mjs
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const entries = {
  'structural normaliser (the new default: src/problem/normalise.ts)': `export { structural } from './src/problem/normalise.ts';`,
  '0.1 default dialects (now opt-in: allDialects)': `export { allDialects } from './src/problem/dialects/index.ts';`,
  'readProblem with the default reader (whole module graph)': `export { readProblem } from './src/problem/read-problem.ts';`,
};

for (const [label, contents] of Object.entries(entries)) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    treeShaking: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  console.log(`${label}: ${code.byteLength} B minified, ${gzipSync(code, { level: 9 }).byteLength} B gzip -9`);
}

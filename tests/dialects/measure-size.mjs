// Bytes of the error-body readers, bundled with the bench's own esbuild settings (bench/lib/size.js:
// minified, tree-shaken, browser ESM), gzip -9. Run: node tests/dialects/measure-size.mjs
import { build } from 'esbuild';
import { gzipSize, measureNormaliserCost, root, settings } from '../../bench/lib/size.js';

const entries = {
  'structural normaliser (the new default: src/problem/normalise.ts)': `export { structural } from './src/problem/normalise.ts';`,
  '0.1 default dialects (now opt-in: allDialects)': `export { allDialects } from './src/problem/dialects/index.ts';`,
  'readProblem with the default reader (whole module graph)': `export { readProblem } from './src/problem/read-problem.ts';`,
};

for (const [label, contents] of Object.entries(entries)) {
  const result = await build({ ...settings, metafile: false, stdin: { contents, resolveDir: root, loader: 'ts' } });
  const code = result.outputFiles[0].contents;
  console.log(`${label}: ${code.byteLength} B minified, ${gzipSize(code)} B gzip -9`);
}

// What an app pays: the minimal bundle with the default reader and without it (issue 13's target; the
// standalone figures above also count code the app already has, such as paths.ts, and lose gzip's shared context).
const cost = await measureNormaliserCost();
console.log(`${cost.label}: ${cost.value} B gzip -9 (${cost.shipped} with it, ${cost.without} without; target ${cost.target})`);

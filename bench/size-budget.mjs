// Size budget, part of `npm test` (test:package): bundles "fetchwise full" exactly as `npm run bench`
// does (esbuild, minified, tree-shaken, browser, ESM, ky and every other dependency bundled in,
// @tanstack/query-core external) and fails when its gzip size exceeds the budget below.
//
// The budget sits a little above the size measured when it was last set, so a regression fails CI.
// Raising it is a deliberate change: say in the commit what the new bytes buy.
// (Issue 6's goal is ky + 4 KB gzip, about 13,000 B; see the bench's per-module breakdown.)
import { entry, measure } from './lib/size.js';

const budgetGzip = 32_400; // bytes, gzip -9; measured 30,923 on 2026-11-22, 32,065 on 2026-12-04 after issue 11 (about 1% headroom)

const started = performance.now();
const full = await measure(entry('fetchwise-full'));
const ms = Math.round(performance.now() - started);
const line = `size budget: ${full.label}: ${full.gzip.toLocaleString('en-US')} B gzip (${full.min.toLocaleString('en-US')} B min, ${full.brotli.toLocaleString('en-US')} B brotli); budget ${budgetGzip.toLocaleString('en-US')} B gzip`;
if (full.gzip > budgetGzip) {
  console.error(`${line}: OVER by ${(full.gzip - budgetGzip).toLocaleString('en-US')} B`);
  console.error('Largest inputs (minified bytes):');
  for (const input of full.inputs.slice(0, 10)) console.error(`  ${input.bytes.toLocaleString('en-US').padStart(7)}  ${input.path}`);
  process.exitCode = 1;
} else {
  console.log(`${line}: ok, ${(budgetGzip - full.gzip).toLocaleString('en-US')} B to spare (${ms} ms)`);
}

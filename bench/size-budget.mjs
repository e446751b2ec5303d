// Size budgets, part of `npm test` (test:package): bundles each import scenario exactly as `npm run bench`
// does (esbuild, minified, tree-shaken, browser, ESM, ky and every other dependency bundled in,
// @tanstack/query-core external) and fails when one's gzip size exceeds its budget (issue 12's targets,
// in bench/lib/size.js). Raising a budget is a deliberate change: say in the commit what the bytes buy.
import { entries, measure, measureNormaliserCost } from './lib/size.js';

const started = performance.now();
let failed = false;
for (const entry of entries.filter((e) => e.budget !== undefined)) {
  const m = await measure(entry);
  const line = `size budget: ${m.label}: ${m.gzip.toLocaleString('en-US')} B gzip (${m.min.toLocaleString('en-US')} B min); budget ${entry.budget.toLocaleString('en-US')} B`;
  if (m.gzip > entry.budget) {
    failed = true;
    console.error(`${line}: OVER by ${(m.gzip - entry.budget).toLocaleString('en-US')} B. Largest inputs (minified bytes):`);
    for (const input of m.inputs.slice(0, 10)) console.error(`  ${input.bytes.toLocaleString('en-US').padStart(7)}  ${input.path}`);
  } else {
    console.log(`${line}: ok, ${(entry.budget - m.gzip).toLocaleString('en-US')} B to spare`);
  }
}
const normaliser = await measureNormaliserCost();
const normaliserLine = `size budget: ${normaliser.label}: ${normaliser.value.toLocaleString('en-US')} B gzip (${normaliser.shipped.toLocaleString('en-US')} − ${normaliser.without.toLocaleString('en-US')} without it); budget ${normaliser.budget.toLocaleString('en-US')} B`;
if (normaliser.value > normaliser.budget) {
  failed = true;
  console.error(`${normaliserLine}: OVER by ${(normaliser.value - normaliser.budget).toLocaleString('en-US')} B`);
} else {
  console.log(`${normaliserLine}: ok, ${(normaliser.budget - normaliser.value).toLocaleString('en-US')} B to spare`);
}
console.log(`(${Math.round(performance.now() - started)} ms)`);
if (failed) process.exitCode = 1;

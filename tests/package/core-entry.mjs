// Part of `npm test` (test:package), on the built package: the core entry `fetchwise` (dist/index.js and
// the chunks it imports) imports neither @tanstack/query-core (an optional peer: an app without it can
// import fetchwise) nor the code of another entry point (an app pays only for what it imports).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../../dist');
const manifest = JSON.parse(readFileSync(join(dist, '../package.json'), 'utf8'));
const entryFiles = Object.values(manifest.exports)
  .map((target) => (typeof target === 'object' ? target.default : undefined))
  .filter((file) => file?.endsWith('.js'))
  .map((file) => file.replace(/^\.\/dist\//, ''));
const specifiers = (file) => [...readFileSync(join(dist, file), 'utf8').matchAll(/^(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']/gm)].map((m) => m[1]);

const seen = new Set();
const bad = [];
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  for (const specifier of specifiers(file)) {
    if (specifier.startsWith('./')) {
      const target = specifier.slice(2);
      if (target !== 'index.js' && entryFiles.includes(target)) bad.push(`${file} imports the entry ${target}`);
      visit(target);
    } else if (specifier.startsWith('@tanstack/')) bad.push(`${file} imports ${specifier}`);
  }
};
visit('index.js');
if (bad.length) {
  console.error(`core entry check: FAILED\n  ${bad.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log(`core entry check: dist/index.js and its ${seen.size - 1} chunks import no @tanstack package and no other entry point`);
}

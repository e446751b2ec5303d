// Part 1: bundle sizes (esbuild, same settings for every entry; see bench/lib/size.js).
import { build } from 'esbuild';
import { join } from 'node:path';
import { breakdown, brotliSize, entries, entry, gzipSize, measure, measureNormaliserCost, root, settings, subpaths } from './lib/size.js';

/** fetchwise's own bytes: the full entry with ky (and query-core) left out. */
async function ownBytes() {
  const full = entry('fetchwise-full');
  return measure({ ...full, id: 'fetchwise-full-own', label: 'fetchwise full, ky external (own code only)', external: [...full.external, 'ky'] });
}

/** Cross-check: the full entry bundled from the built dist/ (dist/index.js, dist/auth.js, …, as published) rather than src/. */
async function fromDist() {
  const full = entry('fetchwise-full');
  const result = await build({
    ...settings,
    stdin: { contents: full.code, resolveDir: root, sourcefile: 'bench-entry-dist.js', loader: 'js' },
    alias: { fetchwise: join(root, 'dist/index.js'), ...Object.fromEntries(subpaths.map((name) => [`fetchwise/${name}`, join(root, `dist/${name}.js`)])) },
    external: full.external,
    outfile: join(root, 'node_modules/.cache/fetchwise-bench/fetchwise-full-dist.js'),
  });
  const bytes = result.outputFiles[0].contents;
  return { min: bytes.length, gzip: gzipSize(bytes), brotli: brotliSize(bytes) };
}

export async function runSize() {
  const measured = [];
  for (const e of entries) measured.push(await measure(e));
  const strip = ({ code, inputs, ...rest }) => rest;
  const byId = Object.fromEntries(measured.map((m) => [m.id, m]));
  const full = byId['fetchwise-full'];
  const ky = byId.ky;
  const own = await ownBytes();
  let dist;
  try {
    dist = await fromDist();
  } catch (error) {
    dist = { error: String(error) };
  }
  const normaliser = await measureNormaliserCost();
  return {
    settings: { bundler: `esbuild`, minify: true, treeShaking: true, platform: 'browser', format: 'esm', target: settings.target, legalComments: 'none', nodeEnv: 'production', gzip: 'zlib level 9', brotli: 'quality 11' },
    externalNote: '@tanstack/query-core is external for every fetchwise entry (an optional peer: fetchwise imports it only in type positions). Everything else, ky included, is bundled in.',
    rows: measured.map(strip),
    fetchwiseOwn: strip(own),
    fetchwiseFullFromDist: dist,
    breakdown: breakdown(full),
    ownBreakdown: breakdown(own),
    // Issue 12's targets, one per import scenario (also enforced in npm test by bench/size-budget.mjs).
    targets: measured
      .filter((m) => entry(m.id).budget !== undefined)
      .map((m) => ({
        id: m.id,
        label: m.label,
        targetGzip: entry(m.id).target,
        budgetGzip: entry(m.id).budget,
        value: m.gzip,
        addedOverKy: m.gzip - ky.gzip,
        met: m.gzip <= entry(m.id).target,
      })),
    // Issue 13's target: the default normaliser's cost in the minimal bundle (with and without it).
    normaliser: { ...normaliser, met: normaliser.value <= normaliser.target },
  };
}

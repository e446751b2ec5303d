// `npm run bench`: builds what it needs, runs the four benchmarks, prints the tables, and writes
// bench/results/latest.json, bench/results/latest.md and the README section between the bench markers.
//   node bench/run.js                      everything (a few minutes at most on 2 cores)
//   node bench/run.js --only=size,overhead  some parts; prints only, writes nothing
// The overhead part alone, repeated (medians of the issue-12 ratios): node bench/overhead-repeat.js --runs=5;
// a CPU profile of one of its cases: BENCH_NOMINIFY=1 node bench/overhead-profile.js get/fetchwise.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './lib/browser.js';
import { markdown } from './lib/report.js';
import { packageVersion, root } from './lib/size.js';

const parts = ['size', 'overhead', 'revalidation', 'fan-in'];
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : parts;
for (const part of only) if (!parts.includes(part)) throw new Error(`unknown part "${part}" (parts: ${parts.join(', ')})`);
const full = only.length === parts.length;
const log = (line) => console.error(line);
const started = performance.now();
const loadBefore = os.loadavg()[0];

function git(args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function buildLibrary() {
  // dist/ as `npm run build` makes it (the declarations are not needed here): the revalidation
  // benchmark imports it in Node, and the fan-in pages load it through the e2e server.
  log('== building dist/ (vite build)');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error('vite build failed');
}

function writeAtomic(path, text) {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

function updateReadme(section) {
  const path = join(root, 'README.md');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const readme = readFileSync(path, 'utf8');
  const block = `${start}\n${section.trim()}\n${end}`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  const next = from !== -1 && to > from ? readme.slice(0, from) + block + readme.slice(to + end.length) : `${readme.replace(/\n*$/, '\n')}\n${block}\n`;
  writeAtomic(path, next);
}

const results = { machine: undefined, errors: {} };
let browserInfo;
async function part(name, run) {
  if (!only.includes(name)) return;
  log(`== ${name}`);
  const t = performance.now();
  try {
    const value = await run();
    log(`   (${Math.round((performance.now() - t) / 1000)} s)`);
    return value;
  } catch (error) {
    log(`   ${name} failed: ${error?.stack ?? error}`);
    results.errors[name] = String(error?.message ?? error);
    return undefined;
  }
}

const needsBrowser = only.includes('overhead') || only.includes('fan-in');
if (only.includes('revalidation') || only.includes('fan-in')) buildLibrary();
if (needsBrowser) browserInfo = await launchChromium();
try {
  results.size = await part('size', async () => (await import('./size.js')).runSize());
  results.overhead = await part('overhead', async () => (await import('./overhead.js')).runOverhead(browserInfo.browser, { log }));
  results.revalidation = await part('revalidation', async () => (await import('./revalidation.js')).runRevalidation({ log }));
  results.fanIn = await part('fan-in', async () => (await import('./fan-in.js')).runFanIn(browserInfo.browser, { log }));
} finally {
  await browserInfo?.browser.close();
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
results.machine = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  nproc: os.availableParallelism(),
  cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  loadAverage: { start: loadBefore, end: os.loadavg()[0] },
  node: process.version,
  chromium: browserInfo?.version,
  chromiumPath: browserInfo?.executablePath,
  fetchwise: { version: pkg.version, commit: git(['rev-parse', '--short', 'HEAD']) ?? 'unknown', dirty: Boolean(git(['status', '--porcelain', '--', 'src'])) },
  packages: Object.fromEntries(
    ['ky', 'ofetch', 'wretch', 'axios', 'axios-cache-interceptor', '@tanstack/query-core', 'esbuild', 'vite', '@playwright/test'].map((name) => [name, packageVersion(name)]),
  ),
};
results.durationMs = performance.now() - started;
const md = markdown(results);
console.log(`\n${md}`);

if (full) {
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeAtomic(join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeAtomic(join(dir, 'latest.md'), md);
  if (Object.keys(results.errors).length === 0) {
    updateReadme(md);
    log('wrote bench/results/latest.json, bench/results/latest.md and the README bench section');
  } else log('wrote bench/results/latest.json and latest.md; README left as it was because a part failed');
} else log('(partial run: nothing written)');
if (Object.keys(results.errors).length) {
  log(`failed parts: ${Object.keys(results.errors).join(', ')}`);
  process.exitCode = 1;
}

// A CPU profile of one overhead case in headless Chromium (unminified page), summarised by self time.
//   BENCH_NOMINIFY=1 node bench/overhead-profile.js [case=get/fetchwise] [requests=20000] [top=40]
// Prints the functions with the most self time and writes the raw profile to /tmp/<case>.cpuprofile.
import { writeFileSync } from 'node:fs';
import { launchChromium } from './lib/browser.js';
import { bundlePage, serve } from './overhead.js';

const [id = 'get/fetchwise', requests = '20000', top = '40'] = process.argv.slice(2);
const script = await bundlePage();
const server = await serve(script);
const { browser } = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.bench !== undefined);
  await page.evaluate(() => window.bench.prepare());
  await page.evaluate(([i]) => window.bench.round([i], 20, 100), [id]);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const t = Date.now();
  await page.evaluate(([i, n]) => window.bench.round([i], n / 100, 100), [id, Number(requests)]);
  const wall = Date.now() - t;
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(`/tmp/${id.replace('/', '-')}.cpuprofile`, JSON.stringify(profile));
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((nodeId, i) => dt.set(nodeId, (dt.get(nodeId) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    const us = dt.get(node.id) ?? 0;
    total += us;
    self.set(key, (self.get(key) ?? 0) + us);
  }
  const idle = [...self].filter(([k]) => k.startsWith('(idle)') || k.startsWith('(program)')).reduce((a, [, v]) => a + v, 0);
  console.log(`${id}: ${requests} requests, ${wall} ms wall, ${((wall * 1000) / Number(requests)).toFixed(1)} µs/request; sampled ${(total / 1000).toFixed(0)} ms (idle+program ${(idle / 1000).toFixed(0)} ms)`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
    console.log(`${(us / Number(requests)).toFixed(2).padStart(7)} µs/req ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
} finally {
  await browser.close();
  await server.close();
}

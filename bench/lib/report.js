// Markdown for bench/results/latest.md and the README section between the bench markers.
import { clientLabels, overheadClients } from '../overhead.js';

const n = (value) => (value === undefined || value === null || Number.isNaN(value) ? '–' : Math.round(value).toLocaleString('en-US'));
const x = (value) => (value === undefined || Number.isNaN(value) ? '–' : `${value.toFixed(2)}×`);
const verdict = (met) => (met ? '**met**' : '**missed**');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function machineLine(m) {
  const versions = Object.entries(m.packages)
    .map(([name, version]) => `${name} ${version ?? '?'}`)
    .join(', ');
  return [
    `Measured by \`npm run bench\` on ${m.date} — ${m.nproc} × ${m.cpu}, Node ${m.node}, Chromium ${m.chromium ?? '–'} (headless, ${m.chromiumPath ?? '–'}), ${m.platform}; 1-min load average ${m.loadAverage.start.toFixed(1)} at start, ${m.loadAverage.end.toFixed(1)} at end (other work shares this machine).`,
    `fetchwise ${m.fetchwise.version} at ${m.fetchwise.commit}${m.fetchwise.dirty ? ' + uncommitted changes' : ''}; ${versions}.`,
    'Timings on this shared 2-core machine are noisy: medians over rounds, ratios to ky measured in the same run. No test gates on an absolute time.',
  ].join('\n');
}

function sizeSection(s) {
  const ky = s.rows.find((r) => r.id === 'ky');
  const lines = [
    '### 1. Bundle size',
    '',
    `Each entry bundled by esbuild with the same settings: minified, tree-shaken, browser, ESM, \`NODE_ENV=production\`, every dependency bundled in; gzip = zlib level 9, brotli = quality 11. ${s.externalNote}`,
    '',
    '| entry | min B | gzip B | brotli B | gzip − ky |',
    '|---|--:|--:|--:|--:|',
    ...s.rows.map((r) => `| ${r.label}${r.external.length ? ' †' : ''} | ${n(r.min)} | ${n(r.gzip)} | ${n(r.brotli)} | ${r.reference ? '' : `${r.gzip - ky.gzip >= 0 ? '+' : ''}${n(r.gzip - ky.gzip)}`} |`),
    `| fetchwise full, ky external too (fetchwise's own code) † | ${n(s.fetchwiseOwn.min)} | ${n(s.fetchwiseOwn.gzip)} | ${n(s.fetchwiseOwn.brotli)} | |`,
    '',
    `† \`@tanstack/query-core\` external. Cross-check, fetchwise full bundled from the built \`dist/\` entries: ${s.fetchwiseFullFromDist.error ? s.fetchwiseFullFromDist.error : `${n(s.fetchwiseFullFromDist.min)} min / ${n(s.fetchwiseFullFromDist.gzip)} gzip / ${n(s.fetchwiseFullFromDist.brotli)} brotli`}.`,
    '',
    "**Targets** (issue 12, gzip) and the budgets `npm test` enforces (the measured size plus ~1%, so a regression fails CI):",
    '',
    '| scenario | target B | gzip B | over ky | target | budget B |',
    '|---|--:|--:|--:|---|--:|',
    ...s.targets.map((t) => `| ${t.label} | ${n(t.targetGzip)} | ${n(t.value)} | +${kb(t.addedOverKy)} | ${verdict(t.met)} | ${n(t.budgetGzip)} |`),
    ...(s.normaliser ? [`| ${s.normaliser.label} (issue 13: the bundle with it ${n(s.normaliser.shipped)}, without ${n(s.normaliser.without)}) | ${n(s.normaliser.target)} | ${n(s.normaliser.value)} | | ${verdict(s.normaliser.met)} | ${n(s.normaliser.budget)} |`] : []),
    '',
    `Where fetchwise full's bytes go (esbuild metafile; minified bytes per module, ≈ gzip = that share of the bundle's gzip):`,
    '',
    '| module | files | min B | share | ≈ gzip B |',
    '|---|--:|--:|--:|--:|',
    ...s.breakdown.groups.map((g) => `| ${g.group} | ${g.files} | ${n(g.bytes)} | ${(g.share * 100).toFixed(1)}% | ${n(g.gzipEstimate)} |`),
    '',
    'Largest files of fetchwise itself:',
    '',
    '| file | min B |',
    '|---|--:|',
    ...s.breakdown.files
      .filter((f) => f.path.startsWith('src/'))
      .slice(0, 12)
      .map((f) => `| ${f.path} | ${n(f.bytes)} |`),
  ];
  return lines.join('\n');
}

function overheadSection(o) {
  const cell = (caseId, client) => {
    const row = o.rows.find((r) => r.case === caseId && r.client === client);
    return `${n(row.medianUs)} | ${x(row.ratioToKy)}`;
  };
  const trimmed = (caseId) => {
    const of = (client) => o.rows.find((r) => r.case === caseId && r.client === client)?.trimmedMeanUs;
    const ours = of('fetchwise');
    const ky = of('ky');
    return ours && ky ? `${(ours / ky).toFixed(2)}×` : 'n/a';
  };
  const t = o.targets;
  return [
    '### 2. Per-request overhead, headless Chromium',
    '',
    `Stubbed in-memory \`fetch\` (a new \`Response\` per call, ~1.6 KB JSON with an ETag), so only library code is timed. ${o.requestsPerCase.toLocaleString('en-US')} requests per cell: ${o.rounds} rounds × ${o.cycles} interleaved passes × ${o.perBlock}, each request timed alone (page cross-origin isolated: ${o.crossOriginIsolated ? '5 µs' : '100 µs'} timer); µs = median per request, × ky = median over rounds of the ratio to ky in the same round. Revalidation = \`QueryClient.refetchQueries\` of a fetched query: fetchwise through \`queryOptions\`, answered 304 to its If-None-Match; the others through a hand-written \`queryFn\`, answered the same 200 (they have no 304 handling).`,
    '',
    '| client | GET + JSON µs | × ky | 422 problem+json µs | × ky | revalidation µs | × ky |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...overheadClients.map((c) => `| ${clientLabels[c]} | ${cell('get', c)} | ${cell('problem', c)} | ${cell('revalidate', c)} |`),
    '',
    `**Targets:** GET ≤ 1.00× ky: ${verdict(t.get.met)} (${x(t.get.value)}). 422 ≤ 0.30× ky: ${verdict(t.problem.met)} (${x(t.problem.value)}). 304 hit ≤ 0.70× ky's 200: ${verdict(t.revalidate.met)} through the same QueryClient refetch (${x(t.revalidate.vsKyQuery)}); against ky's bare \`.get().json()\` with no TanStack Query at all it is ${x(t.revalidate.vsKyPlain)}.`,
    '',
    `The 5 µs clock makes each round's median jump in whole steps, so the same run's trimmed means (middle 80% of requests) are a finer cross-check, fetchwise / ky: GET ${trimmed('get')}, 422 ${trimmed('problem')}, 304 hit ${trimmed('revalidate')}.`,
  ].join('\n');
}

function revalidationSection(r) {
  const rows = r.rows.flatMap((row) => [
    `| ${row.client} | first fetch | ${row.first.requests} | 200 × ${row.first.requests} | ${n(row.first.bodyBytes)} | ${n(row.first.wireBytes)} | – |`,
    `| ${row.client} | refetch | ${row.refetch.requests} | ${[row.refetch.status200 ? `200 × ${row.refetch.status200}` : '', row.refetch.status304 ? `304 × ${row.refetch.status304}` : ''].filter(Boolean).join(', ')} | ${n(row.refetch.bodyBytes)} | ${n(row.refetch.wireBytes)} | ${n(row.refetch.medianMs)} |`,
  ]);
  return [
    '### 3. Revalidation over a loopback server',
    '',
    `node:http on 127.0.0.1, ${r.resources} unchanged JSON resources (${n(r.resourceBytes / r.resources)} B each, strong ETags, \`Cache-Control: no-cache\`), fetched once, then all refetched at once with \`QueryClient.refetchQueries\` in Node (its fetch has no HTTP cache), ${r.rounds} rounds alternating which client goes first. Wire bytes = everything the server wrote (headers included); ms = the whole refetch of all 100 queries, median over rounds (the first fetch is not timed: a warm-up precedes it but ky always goes first).`,
    '',
    '| client | phase | requests | statuses | body B | wire B | ms |',
    '|---|---|--:|---|--:|--:|--:|',
    ...rows,
    '',
    `Refetch time, fetchwise / ky: ${x(r.timeRatioToKy)} (median of per-round ratios). Data objects kept by the refetch: ${r.rows.map((row) => `${row.id} ${row.refetch.sameDataObjects}/${r.resources}`).join(', ')} (TanStack's structural sharing keeps ky's too, after parsing and comparing every body).`,
    '',
    `**Target** 0 body bytes on the refetch with fetchwise: ${verdict(r.target.met)} (${n(r.target.value)} B in the worst round).`,
  ].join('\n');
}

function fanInSection(f) {
  const pair = (a, b) => `${n(a)} / ${n(b)}`;
  return [
    '### 4. Refresh fan-in, Chromium tabs',
    '',
    `The e2e auth server (\`e2e/helpers/auth-server.ts\`, reused: built library behind an import map, rotating refresh tokens with reuse detection) and tab helpers; ${f.storage} token storage, one browser context. Per row and round: every tab sends its requests at the same moment with a valid token, then all access tokens expire server-side (the tabs do not know) and the same burst runs: each request gets a 401, one refresh runs for all tabs, each request is replayed. ${f.rounds} rounds per row; latencies in ms, percentiles over all requests of all rounds. *Added* = expired − valid burst of the same round, per percentile, median over rounds; *token wait* = the library's own \`refreshed.waited\` event (401 seen → fresh token in hand). Refresh round trip = median of a page's POST to the refresh endpoint at that delay.`,
    '',
    '| tabs × requests | refresh delay | refresh calls per round | refresh round trip | valid p50 / p95 | expired p50 / p95 | added p50 / p95 | token wait p50 / p95 |',
    '|---|--:|---|--:|--:|--:|--:|--:|',
    ...f.rows.map(
      (r) =>
        `| ${r.tabs}×${r.perTab} | ${r.refreshDelay} | ${r.refreshCallsPerRound.join(' / ')}${r.failures ? ` (${r.failures} failed: ${r.failureKinds.join(', ')})` : ''} | ${n(r.refreshRttMs)} | ${pair(r.validP50, r.validP95)} | ${pair(r.expiredP50, r.expiredP95)} | ${pair(r.addedP50, r.addedP95)} | ${pair(r.tokenWaitP50, r.tokenWaitP95)} |`,
    ),
    '',
    `**Targets:** 1 refresh call in every row: ${verdict(f.targets.oneRefresh.met)}${f.reuseDetected ? ` (refresh-token reuse detected ${f.reuseDetected}×)` : ''}. Added p95 ≤ refresh round trip + 50 ms: ${verdict(f.targets.p95.met)} (rows: ${f.rows.map((r) => `${r.tabs}×${r.perTab}@${r.refreshDelay}ms ${r.p95Met ? 'yes' : 'no'}`).join(', ')}); token wait alone: ${verdict(f.targets.tokenWaitP95.met)} (${f.rows.map((r) => (r.tokenWaitP95Met ? 'yes' : 'no')).join(', ')}).`,
  ].join('\n');
}

function targetsSummary(results) {
  const lines = ['| target | result |', '|---|---|'];
  const { size, overhead, revalidation, fanIn } = results;
  for (const t of size?.targets ?? []) lines.push(`| ${t.label} ≤ ${n(t.targetGzip)} B gzip | ${verdict(t.met)}: ${n(t.value)} B |`);
  if (size?.normaliser) lines.push(`| ${size.normaliser.label} ≤ ${n(size.normaliser.target)} B gzip (issue 13) | ${verdict(size.normaliser.met)}: ${n(size.normaliser.value)} B |`);
  if (overhead?.targets) {
    const t = overhead.targets;
    lines.push(`| GET ≤ 1.00× ky | ${verdict(t.get.met)}: ${x(t.get.value)} |`);
    lines.push(`| 422 ≤ 0.30× ky | ${verdict(t.problem.met)}: ${x(t.problem.value)} |`);
    lines.push(`| 304 hit ≤ 0.70× ky's 200 | ${verdict(t.revalidate.met)}: ${x(t.revalidate.vsKyQuery)} via the same QueryClient refetch (${x(t.revalidate.vsKyPlain)} of ky's bare GET) |`);
  }
  if (revalidation?.target) lines.push(`| 0 body bytes on the refetch | ${verdict(revalidation.target.met)}: ${n(revalidation.target.value)} B |`);
  if (fanIn?.targets) {
    lines.push(`| 1 refresh call per row | ${verdict(fanIn.targets.oneRefresh.met)} |`);
    lines.push(`| added p95 ≤ refresh round trip + 50 ms | ${verdict(fanIn.targets.p95.met)} (token wait alone: ${fanIn.targets.tokenWaitP95.met ? 'met' : 'missed'}) |`);
  }
  for (const [part, error] of Object.entries(results.errors ?? {})) lines.push(`| part ${part} | **failed to run**: ${error.split('\n')[0]} |`);
  return lines.join('\n');
}

export function markdown(results) {
  const parts = [
    '## Benchmarks',
    '',
    machineLine(results.machine),
    '',
    targetsSummary(results),
  ];
  if (results.size) parts.push('', sizeSection(results.size));
  if (results.overhead) parts.push('', overheadSection(results.overhead));
  if (results.revalidation) parts.push('', revalidationSection(results.revalidation));
  if (results.fanIn) parts.push('', fanInSection(results.fanIn));
  parts.push('', `Raw results: \`bench/results/latest.json\`. Run time: ${Math.round(results.durationMs / 1000)} s.`);
  return `${parts.join('\n')}\n`;
}

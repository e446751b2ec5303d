import { QueryClient } from '@tanstack/query-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { createClient, PreconditionFailedError } from '../../src/index.js';
import { recordingFetch, type Exchange } from './recorder.ts';
import { initialContact } from './resource.ts';
import { matrix, skipReason, type MatrixServer, type Target } from './servers.ts';

/**
 * The real-server matrix (issue 11): each stock server with its default conditional-request behaviour,
 * fetchwise in front of it through a real QueryClient. Structural sharing is OFF wherever identity is
 * asserted, so `toBe` proves a 304 and cannot pass on a 200.
 */

interface Row {
  server: string;
  revalidations: string;
  ifMatchSent: boolean;
  outcome: string;
}
const rows: Row[] = [];
afterAll(() => {
  const measured = rows.filter((row) => row.revalidations !== '');
  if (measured.length === 0) return;
  const lines = measured.map((row) => `| ${row.server} | ${row.revalidations} | ${row.ifMatchSent ? 'yes' : 'no'} | ${row.outcome} |`);
  console.log(['| server | 1st GET, revalidations (status/body bytes) | If-Match sent | stale write |', '|---|---|---|---|', ...lines].join('\n'));
});

afterEach(() => {
  vi.restoreAllMocks();
});

for (const server of matrix) {
  const reason = skipReason(server);
  describe.skipIf(reason !== undefined)(`${server.name}${reason ? ` (skipped: ${reason})` : ''}`, () => {
    let target: Target;
    beforeAll(async () => {
      target = await server.start();
    });
    afterAll(() => target?.close());

    const row: Row = { server: server.name, revalidations: '', ifMatchSent: false, outcome: '' };
    rows.push(row);

    it(`R-REVALIDATE-HEADERS: ${server.name} answers a query revalidation with 304, 0 body bytes and the same data object`, async () => {
      const log: Exchange[] = [];
      const queryClient = new QueryClient();
      const api = createClient({ fetch: recordingFetch(log), queryClient });
      const options = { ...api.queryOptions(target.url), structuralSharing: false as const };
      const first = await queryClient.fetchQuery(options);
      await queryClient.refetchQueries({ queryKey: options.queryKey });
      await queryClient.refetchQueries({ queryKey: options.queryKey });
      row.revalidations = log.map((exchange) => `${exchange.status}/${exchange.bodyBytes}`).join(', ');
      expect(log.map((exchange) => exchange.status)).toEqual([200, 304, 304]);
      expect(log.map((exchange) => exchange.bodyBytes).slice(1)).toEqual([0, 0]);
      expect(log[0]?.bodyBytes).toBeGreaterThan(1_500);
      expect(queryClient.getQueryData(options.queryKey)).toBe(first);
      expect(log[0]?.etag?.startsWith('W/')).toBe(server.weakEtag);
      queryClient.clear();
    });

    it(`R-IF-MATCH, R-WEAK-ETAG: after a query read, a ${server.write} to ${server.name} ${server.weakEtag ? 'goes without If-Match and the developer is told' : 'carries If-Match'}`, async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const log: Exchange[] = [];
      const queryClient = new QueryClient();
      const api = createClient({ fetch: recordingFetch(log), queryClient });
      const options = { ...api.queryOptions(target.url), structuralSharing: false as const };
      await queryClient.fetchQuery(options);
      await queryClient.refetchQueries({ queryKey: options.queryKey }); // R-304-VALIDATOR: a 304 in between changes nothing
      const readEtag = log[0]?.etag;
      await api.request(server.write, target.url, { json: { ...initialContact(), name: 'Ada (own save)' } });
      const write = log.at(-1);
      row.ifMatchSent = write?.headers['if-match'] !== undefined;
      if (server.weakEtag) {
        expect(write?.headers['if-match']).toBeUndefined();
        const told = warn.mock.calls.map((call) => String(call[0])).filter((message) => message.includes('weak ETag'));
        expect(told).toHaveLength(1);
        expect(told[0]).toContain(new URL(target.url).origin);
      } else {
        expect(write?.headers['if-match']).toBe(readEtag);
      }
      queryClient.clear();
    });

    const stale = server.enforcesIfMatch && !server.weakEtag;
    it(`R-412: a stale ${server.write} to ${server.name} ${stale ? 'is a typed PreconditionFailedError' : 'is a lost update: the server does not check If-Match'}`, async () => {
      const log: Exchange[] = [];
      const queryClient = new QueryClient();
      const api = createClient({ fetch: recordingFetch(log), queryClient });
      const options = { ...api.queryOptions(target.url), structuralSharing: false as const };
      await queryClient.fetchQuery(options);
      // Someone else saves first, without conditions.
      const elsewhere = await fetch(target.url, { method: server.write, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...initialContact(), name: 'Changed elsewhere' }) });
      expect(elsewhere.ok).toBe(true);
      const mine = api.request(server.write, target.url, { json: { ...initialContact(), email: 'mine@example.org' } });
      if (stale) {
        await expect(mine).rejects.toBeInstanceOf(PreconditionFailedError);
        row.outcome = '412, PreconditionFailedError';
      } else {
        await expect(mine).resolves.toMatchObject({ status: expect.any(Number) });
        const after = (await (await fetch(target.url)).json()) as { name: string; email: string };
        // The other save's name is gone: overwritten by a write that never saw it.
        expect(after.email).toBe('mine@example.org');
        expect(after.name).toBe('Ada Lovelace');
        row.outcome = `lost update (${log.at(-1)?.status})`;
      }
      queryClient.clear();
    });
  });
}

// What a save does to the detail query, against the servers whose answers differ: Django's PATCH answer
// has no ETag (R-WRITE-NO-ETAG), Fastify's and Express's carry the new body and an ETag (R-WRITE-SCHEMA).
const Contact = z.object({ id: z.string(), name: z.string(), email: z.string(), createdAt: z.iso.datetime().transform((value) => new Date(value)), notes: z.string() });

const django = matrix.find((server) => server.name === 'Django 3.2 @condition');
const djangoSkip = django && skipReason(django);
describe.skipIf(django === undefined || djangoSkip !== undefined)('Django 3.2 @condition: own saves in a row', () => {
  let target: Target;
  beforeAll(async () => {
    target = await (django as MatrixServer).start();
  });
  afterAll(() => target?.close());

  it('R-WRITE-NO-ETAG: two client.patch saves in a row against Django are never a false 412', async () => {
    const log: Exchange[] = [];
    const queryClient = new QueryClient();
    const api = createClient({ fetch: recordingFetch(log), queryClient });
    await queryClient.fetchQuery(api.queryOptions(target.url, { schema: Contact }));
    await api.patch(target.url, { json: { name: 'Ada L.' } });
    await expect(api.patch(target.url, { json: { name: 'Ada Lovelace' } })).resolves.toMatchObject({ name: 'Ada Lovelace' });
    expect(log.filter((exchange) => exchange.method === 'PATCH').map((exchange) => [exchange.status, exchange.headers['if-match'] !== undefined])).toEqual([
      [200, true],
      [200, false],
    ]);
    queryClient.clear();
  });

  it('R-WRITE-NO-ETAG: two mutationOptions saves in a row against Django are never a false 412, and a real conflict still is', async () => {
    const log: Exchange[] = [];
    const queryClient = new QueryClient();
    const api = createClient({ fetch: recordingFetch(log) });
    const options = api.queryOptions(target.url, { schema: Contact });
    await queryClient.fetchQuery(options);
    const save = () => queryClient.getMutationCache().build(queryClient, api.mutationOptions('PATCH', target.url));
    await save().execute({ name: 'Ada L.' });
    await expect(save().execute({ name: 'Ada Lovelace' })).resolves.toMatchObject({ name: 'Ada Lovelace' });
    // the query refetches (200, new ETag); someone else saves; our next save is a real conflict
    await queryClient.fetchQuery({ ...options, staleTime: 0 });
    await fetch(target.url, { method: 'PATCH', body: JSON.stringify({ name: 'Changed elsewhere' }) });
    await expect(save().execute({ name: 'Mine' })).rejects.toBeInstanceOf(PreconditionFailedError);
    queryClient.clear();
  });
});

for (const name of ['Fastify 5 + @fastify/etag', 'Express 5 (res.json)']) {
  const server = matrix.find((candidate) => candidate.name === name) as MatrixServer;
  describe(`${name}: a save shown in the detail query`, () => {
    let target: Target;
    beforeAll(async () => {
      target = await server.start();
    });
    afterAll(() => target?.close());

    it(`R-WRITE-SCHEMA: a mutation without a schema updates a query with a schema only through it (${name})`, async () => {
      silenceWeakEtagWarning();
      const log: Exchange[] = [];
      const queryClient = new QueryClient();
      const api = createClient({ fetch: recordingFetch(log) });
      const options = { ...api.queryOptions(target.url, { schema: Contact }), structuralSharing: false as const };
      await queryClient.fetchQuery(options);
      await queryClient.getMutationCache().build(queryClient, api.mutationOptions('PATCH', target.url)).execute({ name: 'Ada (saved)' });
      const shown = queryClient.getQueryData(options.queryKey);
      expect(shown?.name).toBe('Ada (saved)');
      expect(shown?.createdAt.toLocaleDateString('en-GB', { timeZone: 'UTC' })).toBe('22/11/2026');
      // shown without a refetch, and the next revalidation is a 304 that keeps that very object
      await queryClient.refetchQueries({ queryKey: options.queryKey });
      expect(log.map((exchange) => `${exchange.method} ${exchange.status}`)).toEqual(['GET 200', 'PATCH 200', 'GET 304']);
      expect(queryClient.getQueryData(options.queryKey)).toBe(shown);
      queryClient.clear();
    });
  });
}

function silenceWeakEtagWarning(): void {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
}

import { QueryClient } from '@tanstack/query-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, PreconditionFailedError } from '../../src/index.js';
import { recordingFetch, type Exchange } from './recorder.ts';
import { initialContact } from './resource.ts';
import { matrix, skipReason, type Target } from './servers.ts';

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
  if (rows.length === 0) return;
  const lines = rows.map((row) => `| ${row.server} | ${row.revalidations} | ${row.ifMatchSent ? 'yes' : 'no'} | ${row.outcome} |`);
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

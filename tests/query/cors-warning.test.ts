import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/query-core';
import { createClient } from '../../src/index.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

// The page runs on another origin than the API, as a SPA calling a cross-origin API does.
beforeEach(() => {
  server.reset();
  vi.stubGlobal('location', { origin: 'http://localhost:5173', href: 'http://localhost:5173/' });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('CORS visibility of ETag and Location', () => {
  it('warns once, naming Access-Control-Expose-Headers, when a cross-origin query response shows no ETag', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    server.route('GET', '/a', { body: {} });
    server.route('GET', '/b', { body: {} });
    const api = createClient({ baseUrl: server.url });
    const queryClient = new QueryClient();
    await queryClient.fetchQuery(api.queryOptions('/a'));
    await queryClient.fetchQuery(api.queryOptions('/b'));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('Access-Control-Expose-Headers: ETag');
  });

  it('warns when a cross-origin 201 shows no Location', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    server.route('POST', '/things', { status: 201 });
    await createClient({ baseUrl: server.url }).post('/things');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('Access-Control-Expose-Headers: Location');
  });

  it('is silent in production builds', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    server.route('POST', '/things', { status: 201 });
    await createClient({ baseUrl: server.url }).post('/things');
    expect(warn).not.toHaveBeenCalled();
  });

  it('is silent for same-origin responses', async () => {
    vi.stubGlobal('location', { origin: server.url, href: `${server.url}/` });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    server.route('POST', '/things', { status: 201 });
    await createClient({ baseUrl: server.url }).post('/things');
    expect(warn).not.toHaveBeenCalled();
  });
});

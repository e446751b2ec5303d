import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

type Library = typeof import('../../src/index.js');

let server: TestServer;
let outDir: string;
let lib: Library;

// Build the library minified (class names mangled), then use the guards and instanceof from that build.
beforeAll(async () => {
  server = await startServer();
  outDir = await mkdtemp(join(tmpdir(), 'fetchwise-min-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      minify: true,
      lib: { entry: join(import.meta.dirname, '../../src/index.ts'), formats: ['es'], fileName: 'index' },
      rollupOptions: { external: ['ky'] },
    },
  });
  lib = (await import(pathToFileURL(join(outDir, 'index.js')).href)) as Library;
}, 60_000);
afterAll(async () => {
  await server.close();
  await rm(outDir, { recursive: true, force: true });
});

describe('errors in a minified build', () => {
  it('instanceof, isX() guards and names survive minification', async () => {
    server.route('GET', '/missing', { status: 404 });
    server.route('POST', '/form', { status: 422, body: { errors: { email: ['is invalid'] } } });
    const api = lib.createClient({ baseUrl: server.url, retry: false });
    const notFound = await api.get('/missing').catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(lib.NotFoundError);
    expect(notFound).toBeInstanceOf(lib.HttpError);
    expect(lib.isNotFoundError(notFound)).toBe(true);
    expect(lib.isHttpError(notFound)).toBe(true);
    expect((notFound as Error).name).toBe('NotFoundError');
    const invalid = await api.post('/form', { json: {} }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(lib.ValidationError);
    expect(lib.isValidationError(invalid)).toBe(true);
    expect(lib.fieldErrors(invalid)).toEqual({ email: ['is invalid'] });
  });

  it('guards from one copy of the library recognise errors from another copy', async () => {
    const source = (await import('../../src/index.js')) as Library;
    server.route('GET', '/missing', { status: 404 });
    const error = await lib.createClient({ baseUrl: server.url }).get('/missing').catch((e: unknown) => e);
    expect(source.isNotFoundError(error)).toBe(true);
    expect(source.isHttpError(error)).toBe(true);
  });
});

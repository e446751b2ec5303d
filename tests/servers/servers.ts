import { contactPath } from './resource.ts';
import { hasDjango, startDjango } from './start/django.ts';
import { startExpress } from './start/express.ts';
import { startFastify } from './start/fastify.ts';
import { startHono } from './start/hono.ts';
import { startJsonServer } from './start/json-server.ts';
import { hasNginx, proxySite, startNginx, staticJsonSite } from './start/nginx.ts';

/** A running server of the matrix and where its resource lives. */
export interface Target {
  /** Absolute URL of the contact. */
  url: string;
  close(): Promise<void>;
}

/** One row of the matrix: a stock server and what it does by default, as measured. */
export interface MatrixServer {
  name: string;
  /** Why this row cannot run here (a Debian package missing), or undefined. */
  missing(): string | undefined;
  start(): Promise<Target>;
  /** The write the server accepts on the contact. */
  write: 'PATCH' | 'PUT';
  /** The ETag of a 200 is weak (`W/"…"`) by default. */
  weakEtag: boolean;
  /** The server answers a stale `If-Match` with 412 by itself. */
  enforcesIfMatch: boolean;
}

const nodeServer = (start: () => Promise<{ url: string; close(): Promise<void> }>, path = contactPath) => async (): Promise<Target> => {
  const server = await start();
  return { url: server.url + path, close: () => server.close() };
};

const missingNginx = () => (hasNginx() ? undefined : 'nginx is not installed (apt-get install nginx)');
const missingDjango = () => (hasDjango() ? undefined : 'python3-django is not installed (apt-get install python3-django)');

export const matrix: MatrixServer[] = [
  { name: 'Express 5 (res.json)', missing: () => undefined, start: nodeServer(() => startExpress()), write: 'PATCH', weakEtag: true, enforcesIfMatch: false },
  { name: 'Fastify 5 + @fastify/etag', missing: () => undefined, start: nodeServer(startFastify), write: 'PATCH', weakEtag: false, enforcesIfMatch: false },
  { name: 'Hono 4 + hono/etag', missing: () => undefined, start: nodeServer(startHono), write: 'PATCH', weakEtag: false, enforcesIfMatch: false },
  { name: 'json-server 0.17', missing: () => undefined, start: nodeServer(startJsonServer), write: 'PATCH', weakEtag: true, enforcesIfMatch: false },
  {
    name: 'nginx static JSON, gzip on',
    missing: missingNginx,
    start: async () => {
      const nginx = await startNginx([staticJsonSite()]);
      return { url: `${nginx.urls[0]}${contactPath}`, close: () => nginx.close() };
    },
    write: 'PUT',
    weakEtag: true,
    enforcesIfMatch: false,
  },
  {
    name: 'nginx proxy to Express 5',
    missing: missingNginx,
    start: async () => {
      const express = await startExpress();
      const nginx = await startNginx([proxySite(express.url)]);
      return {
        url: `${nginx.urls[0]}${contactPath}`,
        close: async () => {
          await nginx.close();
          await express.close();
        },
      };
    },
    write: 'PATCH',
    weakEtag: true,
    enforcesIfMatch: false,
  },
  { name: 'Django 3.2 @condition', missing: missingDjango, start: nodeServer(startDjango), write: 'PATCH', weakEtag: false, enforcesIfMatch: true },
  {
    name: 'Django 3.2 @condition + gzip',
    missing: missingDjango,
    start: nodeServer(startDjango, `/gz${contactPath}`),
    write: 'PATCH',
    weakEtag: true,
    enforcesIfMatch: true,
  },
];

/**
 * In CI (`FETCHWISE_SERVERS_REQUIRED=1`, set by `.ci/run`) a missing server fails the run; elsewhere
 * its rows are skipped with the reason, so `npm test` works on a machine without nginx or Django.
 */
export function skipReason(server: MatrixServer): string | undefined {
  const missing = server.missing();
  if (missing !== undefined && process.env['FETCHWISE_SERVERS_REQUIRED'] === '1') {
    throw new Error(`${server.name}: ${missing}, and FETCHWISE_SERVERS_REQUIRED=1 (run tests/servers/setup.sh)`);
  }
  return missing;
}

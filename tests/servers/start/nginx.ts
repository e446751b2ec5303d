import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contactPath, initialContact } from '../resource.ts';
import { freePort } from './listen.ts';

/** Debian's nginx (`apt-get install nginx`); `NGINX` overrides the path. */
export const nginxBinary = process.env['NGINX'] ?? '/usr/sbin/nginx';
export const hasNginx = (): boolean => existsSync(nginxBinary);

/** One line of the access log: what nginx itself received and sent. */
export interface NginxLogLine {
  method: string;
  uri: string;
  status: number;
  /** Body bytes on the wire (after gzip). */
  bodyBytesSent: number;
  ifNoneMatch: string;
  ifMatch: string;
}

export interface StartedNginx {
  /** One URL per site, in the order given. */
  urls: string[];
  /** The access log so far (nginx writes it per request, unbuffered). */
  log(): Promise<NginxLogLine[]>;
  close(): Promise<void>;
}

/**
 * Stock static files: `/contacts/1` as a JSON file with `gzip on` (and `gzip_types application/json`,
 * without which nginx gzips HTML only), and WebDAV `PUT` so that writes can be shown.
 */
export const staticJsonSite = (extra = ''): string => `
    root __WWW__;
    gzip on;
    gzip_types application/json;
    location /contacts/ {
      default_type application/json;
      dav_methods PUT;
      ${extra}
    }`;

/** A stock reverse proxy in front of `upstream` (e.g. the Express app). */
export const proxySite = (upstream: string): string => `
    location / {
      proxy_pass ${upstream};
    }`;

/** Starts one nginx master with one `server` per site, each on its own free port of 127.0.0.1. */
export async function startNginx(sites: string[]): Promise<StartedNginx> {
  const dir = await mkdtemp(join(tmpdir(), 'fetchwise-nginx-'));
  const www = join(dir, 'www');
  await mkdir(join(www, 'contacts'), { recursive: true });
  await writeFile(join(www, contactPath), JSON.stringify(initialContact()));
  // nginx's workers run as an unprivileged user when the master is root (CI): let them read and PUT.
  for (const path of [dir, www, join(www, 'contacts'), join(www, contactPath)]) await chmod(path, 0o777);
  const ports = await Promise.all(sites.map(() => freePort()));
  const servers = sites.map((site, index) => `  server {\n    listen 127.0.0.1:${ports[index]};\n${site.replaceAll('__WWW__', www)}\n  }`);
  const config = `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  default_type application/octet-stream;
  log_format matrix '$request_method $uri $status $body_bytes_sent "$http_if_none_match" "$http_if_match"';
  access_log ${dir}/access.log matrix;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${servers.join('\n')}
}
`;
  await writeFile(join(dir, 'nginx.conf'), config);
  const child = spawn(nginxBinary, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  await waitUntilServing(urls, () => child.exitCode !== null, () => stderr);
  return {
    urls,
    async log() {
      const text = await readFile(join(dir, 'access.log'), 'utf8').catch(() => '');
      return text.split('\n').filter(Boolean).map(parseLogLine).filter((line) => line.uri !== '/__ready');
    },
    async close() {
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function parseLogLine(line: string): NginxLogLine {
  const match = /^(\S+) (\S+) (\d+) (\d+) "([^"]*)" "([^"]*)"$/.exec(line);
  if (!match) throw new Error(`unexpected nginx log line: ${line}`);
  const [, method = '', uri = '', status = '0', bytes = '0', ifNoneMatch = '', ifMatch = ''] = match;
  const header = (value: string) => (value === '-' ? '' : value.replaceAll('\\x22', '"'));
  return { method, uri, status: Number(status), bodyBytesSent: Number(bytes), ifNoneMatch: header(ifNoneMatch), ifMatch: header(ifMatch) };
}

/** Polls until every URL accepts a connection (any HTTP answer), or fails with the server's stderr. */
export async function waitUntilServing(urls: string[], died: () => boolean, stderr: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const url of urls) {
    for (;;) {
      if (died()) throw new Error(`server exited before serving ${url}: ${stderr()}`);
      try {
        await fetch(`${url}/__ready`, { signal: AbortSignal.timeout(1_000) });
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`server not serving ${url} after ${timeoutMs} ms: ${stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  }
}

// Re-captures tests/dialects/fixtures/live/<framework>/<case>.json from running apps.
//   cd tests/dialects/live && npm install && (cd zod3 && npm install) && node capture.mjs [framework…]
// Each app is started on 127.0.0.1 with PORT set, sent the same requests (cases below), then stopped.
// A fixture keeps the answer as sent: status, content-type and the body text, byte for byte.
// Debian apps need: python3-djangorestframework python3-flask python3-fastapi python3-uvicorn python3-webargs
// php-cli php-symfony-validator php-symfony-serializer php-symfony-property-access golang-go
// golang-github-gin-gonic-gin-dev golang-github-go-playground-validator-v10-dev.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'fixtures', 'live');
const valid = { name: 'Ann', email: 'ann@example.com', address: { city: 'Paris' } };

/** The same requests for every framework. */
export const cases = [
  { id: 'missing-field', method: 'POST', path: '/users', body: JSON.stringify({ email: valid.email, address: valid.address }) },
  { id: 'invalid-value', method: 'POST', path: '/users', body: JSON.stringify({ ...valid, email: 'not-an-email' }) },
  { id: 'nested-field', method: 'POST', path: '/users', body: JSON.stringify({ ...valid, address: {} }) },
  { id: 'array-field', method: 'POST', path: '/users', body: JSON.stringify({ ...valid, items: [{ qty: 1 }, { qty: 0 }] }) },
  { id: 'malformed-json', method: 'POST', path: '/users', body: '{"name": "Ann",' },
  { id: 'not-found', method: 'GET', path: '/users/999' },
];

const node = (file, cwd = here) => ({ cmd: process.execPath, args: [join(here, 'apps', file)], cwd });
const pkg = (name, cwd = here) => JSON.parse(readFileSync(join(cwd, 'node_modules', name, 'package.json'), 'utf8')).version;
const deb = (name) => execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' });
const python = (file) => ({ cmd: '/usr/bin/python3', args: [join(here, 'apps', file)], cwd: here });

/** name → how to start it and what it is (versions read from what is installed). */
const apps = {
  'express-validator': { ...node('express-validator.mjs'), env: { NODE_ENV: 'production' }, about: () => `express ${pkg('express')}, express-validator ${pkg('express-validator')}` },
  fastify: { ...node('fastify.mjs'), about: () => `fastify ${pkg('fastify')} (default ajv validation and error handler)` },
  'fastify-typebox': { ...node('fastify-typebox.mjs'), about: () => `fastify ${pkg('fastify')}, @fastify/type-provider-typebox ${pkg('@fastify/type-provider-typebox')}, @sinclair/typebox ${pkg('@sinclair/typebox')}` },
  nestjs: { ...node('nestjs.mjs'), about: () => `@nestjs/core ${pkg('@nestjs/core')}, @nestjs/platform-express, class-validator ${pkg('class-validator')}, ValidationPipe defaults` },
  'hono-zod4': { ...node('hono-zod.mjs'), about: () => `hono ${pkg('hono')}, @hono/zod-validator ${pkg('@hono/zod-validator')}, zod ${pkg('zod')}` },
  'hono-zod3': { ...node('hono-zod.mjs', join(here, 'zod3')), args: [join(here, 'zod3', 'hono-zod.mjs')], about: () => `hono ${pkg('hono', join(here, 'zod3'))}, @hono/zod-validator ${pkg('@hono/zod-validator', join(here, 'zod3'))}, zod ${pkg('zod', join(here, 'zod3'))}` },
  celebrate: { ...node('celebrate.mjs'), env: { NODE_ENV: 'production' }, about: () => `express ${pkg('express')}, celebrate ${pkg('celebrate')} (errors() handler)` },
  'hapi-joi': { ...node('hapi-joi.mjs'), about: () => `@hapi/hapi ${pkg('@hapi/hapi')}, joi ${pkg('joi')} (default failAction)` },
  'express-openapi-validator': { ...node('express-openapi-validator.mjs'), env: { NODE_ENV: 'production' }, about: () => `express ${pkg('express')}, express-openapi-validator ${pkg('express-openapi-validator')}` },
  'json-server': { ...node('json-server.mjs'), env: { NODE_ENV: 'production' }, about: () => `json-server ${pkg('json-server')}` },
  vinejs: { ...node('vinejs.mjs'), env: { NODE_ENV: 'production' }, about: () => `@vinejs/vine ${pkg('@vinejs/vine')} behind AdonisJS's 422 {errors} envelope` },
  drf: { ...python('drf_app.py'), about: () => `python3-djangorestframework ${deb('python3-djangorestframework')}, python3-django ${deb('python3-django')}` },
  fastapi: { ...python('fastapi_app.py'), about: () => `python3-fastapi ${deb('python3-fastapi')}, python3-pydantic ${deb('python3-pydantic')}, python3-uvicorn ${deb('python3-uvicorn')}` },
  'flask-webargs': { ...python('flask_app.py'), about: () => `python3-flask ${deb('python3-flask')}, python3-webargs ${deb('python3-webargs')}, python3-marshmallow ${deb('python3-marshmallow')}` },
  symfony: { cmd: 'php', args: ['-S', '127.0.0.1:PORT', join(here, 'apps', 'symfony.php')], cwd: here, about: () => `php-symfony-validator ${deb('php-symfony-validator')}, php-symfony-serializer ${deb('php-symfony-serializer')} (ConstraintViolationListNormalizer)` },
  gin: { cmd: join(here, 'apps', 'gin', 'gin-app'), args: [], cwd: join(here, 'apps', 'gin'), build: true, about: () => `golang-github-gin-gonic-gin-dev ${deb('golang-github-gin-gonic-gin-dev')}, go-playground/validator ${deb('golang-github-go-playground-validator-v10-dev')}` },
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitUp(base, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    try {
      await fetch(base + '/');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('did not start');
}

async function capture(name, app) {
  if (app.build) execFileSync(join(here, 'apps', 'gin', 'build.sh'), { stdio: 'inherit' });
  const port = await freePort();
  const args = app.args.map((arg) => arg.replace('PORT', String(port)));
  const child = spawn(app.cmd, args, { cwd: app.cwd, env: { ...process.env, ...app.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUp(base, child);
    const about = app.about();
    mkdirSync(join(out, name), { recursive: true });
    for (const item of cases) {
      const init = { method: item.method, headers: { accept: 'application/json' } };
      if (item.body !== undefined) Object.assign(init, { body: item.body, headers: { ...init.headers, 'content-type': 'application/json' } });
      const response = await fetch(base + item.path, init);
      const fixture = {
        framework: name,
        source: 'live',
        versions: about,
        capturedAt: new Date().toISOString().slice(0, 10),
        request: { method: item.method, path: item.path, ...(item.body !== undefined ? { body: item.body } : {}) },
        status: response.status,
        contentType: response.headers.get('content-type'),
        body: await response.text(),
      };
      writeFileSync(join(out, name, `${item.id}.json`), JSON.stringify(fixture, null, 2) + '\n');
    }
    console.log(`${name}: captured ${cases.length} cases (${about})`);
  } catch (error) {
    console.error(`${name}: FAILED ${error.message}\n${stderr.slice(0, 2000)}`);
  } finally {
    child.kill();
  }
}

const only = process.argv.slice(2);
for (const [name, app] of Object.entries(apps)) if (only.length === 0 || only.includes(name)) await capture(name, app);

import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StartedServer } from './listen.ts';

/** Debian's Python with python3-django (`apt-get install python3-django`); `PYTHON` overrides the path. */
export const python = process.env['PYTHON'] ?? '/usr/bin/python3';
let djangoFound: boolean | undefined;
export const hasDjango = (): boolean =>
  (djangoFound ??= spawnSync(python, ['-c', 'import django'], { stdio: 'ignore' }).status === 0);

const app = fileURLToPath(new URL('./django_app.py', import.meta.url));

/** Starts `django_app.py` (Django's own @condition ETags) under wsgiref on a random port. */
export function startDjango(): Promise<StartedServer> {
  const child = spawn(python, [app], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`django_app.py exited with ${code}: ${stderr}`)));
    child.stdout.once('data', (chunk: Buffer) => {
      const port = Number.parseInt(chunk.toString(), 10);
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

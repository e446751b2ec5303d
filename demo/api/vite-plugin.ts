import { getRequestListener } from '@hono/node-server';
import type { Plugin } from 'vite';
import { createDemoApi } from './app.ts';
import { demoUser } from './routes/auth.ts';

/** Mounts the demo API into the Vite dev server, so `npm run demo` is one process and one URL. */
export function demoApi(): Plugin {
  return {
    name: 'fetchwise-demo-api',
    configureServer(server) {
      const listener = getRequestListener(createDemoApi().fetch);
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/api/')) void listener(req, res);
        else next();
      });
      const printUrls = server.printUrls.bind(server);
      server.printUrls = () => {
        printUrls();
        const { info } = server.config.logger;
        info(`  ➜  Pages:   / (React, with the network panel), /vue.html, /svelte.html`);
        info(`  ➜  Sign in: ${demoUser.username} / ${demoUser.password}`);
      };
    },
  };
}

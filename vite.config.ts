import { svelte } from '@sveltejs/vite-plugin-svelte';
import react from '@vitejs/plugin-react';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type UserConfig } from 'vite';
import { demoApi } from './demo/api/vite-plugin.ts';

// One config, three jobs: `vite build` builds the library, `vite` serves the demo with its API,
// Vitest runs the tests.
const library: UserConfig = {
  build: {
    lib: {
      // One file per entry point (package.json `exports`); shared code goes to chunks.
      entry: {
        index: 'src/index.ts',
        auth: 'src/auth/index.ts',
        hal: 'src/hal/index.ts',
        batch: 'src/batch/index.ts',
        poll: 'src/poll/index.ts',
        dialects: 'src/problem/dialects/index.ts',
        forms: 'src/forms/index.ts',
      },
      formats: ['es'],
    },
    outDir: 'dist',
    minify: false,
    sourcemap: true,
    target: 'es2022',
    rollupOptions: { external: ['ky', 'meros', 'url-template', /^@tanstack\/query-core/] },
  },
};

// The demo: one page per framework (index.html React, vue.html, svelte.html), each with its official
// plugin, and the demo API mounted on /api of the same server.
const demo: UserConfig = {
  root: 'demo',
  plugins: [react(), vue(), svelte({ configFile: false }), demoApi()],
  // Pre-bundle every page's dependencies at start-up, so that opening the Vue or Svelte page first
  // does not make Vite re-optimise and reload the tabs already open.
  optimizeDeps: { entries: ['index.html', 'vue.html', 'svelte.html'] },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // Under Playwright (DEMO_E2E=1): no file watching, so an edit to src/ during a run cannot reload the tabs mid-story.
    ...(process.env['DEMO_E2E'] ? { watch: null } : {}),
  },
  preview: { host: '127.0.0.1' },
};

export default defineConfig(({ command, mode }) => ({
  ...(command === 'build' ? library : mode === 'test' ? {} : demo),
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
    typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
}));

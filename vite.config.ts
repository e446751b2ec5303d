import { defineConfig, type UserConfig } from 'vite';
import { demoApi } from './demo/api/vite-plugin.ts';

// One config, three jobs: `vite build` builds the library, `vite` serves the demo with its API,
// Vitest runs the tests.
const library: UserConfig = {
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    outDir: 'dist',
    minify: false,
    sourcemap: true,
    target: 'es2022',
    rollupOptions: { external: ['ky', 'meros', 'url-template', /^@tanstack\/query-core/] },
  },
};

const demo: UserConfig = {
  root: 'demo',
  plugins: [demoApi()],
  server: { host: '127.0.0.1', port: 5173 },
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

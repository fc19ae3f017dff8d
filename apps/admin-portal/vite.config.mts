import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));

/** Built into dist/apps/admin-portal, which the gateway serves at /admin/. */
export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  resolve: {
    alias: {
      '@rendezvous/api-client': `${workspace}libs/api-client/src/index.ts`,
      '@rendezvous/contracts/values': `${workspace}libs/contracts/src/values.ts`,
    },
  },
  build: {
    outDir: `${workspace}dist/apps/admin-portal`,
    emptyOutDir: true,
    // No source maps: they would be served publicly beside the bundle.
    sourcemap: false,
    // react-admin, MUI and recharts make one large bundle (see README, Admin portal): no warning each build.
    chunkSizeWarningLimit: 2048,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // One module graph per worker: react-admin and MUI load once instead of once per test file.
    isolate: false,
  },
});

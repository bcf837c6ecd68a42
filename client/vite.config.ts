/**
 * Vite config for the explorer: root client/, output client/dist (served by the API server at /).
 * `vite --config client/vite.config.ts` proxies /graphql to a server on API_URL (default :4000).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/graphql': process.env['API_URL'] ?? 'http://localhost:4000' },
  },
});

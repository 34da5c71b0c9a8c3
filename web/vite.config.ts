/**
 * Vite configuration of the ecoplan web app. `npm run build` writes web/dist, which `ecoplan serve` serves at /.
 * `npm run dev` proxies /api to a running `ecoplan serve` (ECOPLAN_API, default http://127.0.0.1:3100).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Writes a .br and a .gz beside every text asset of the build (over 1 KB), so that a static server that
 * serves precompressed files (@fastify/static `preCompressed: true`) sends the ~1.9 MB of scripts as ~0.6 MB.
 */
function precompress(): Plugin {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  return {
    name: 'ecoplan-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(join(import.meta.dirname, 'dist'))) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 10 } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP allows no inline scripts: keep every script an external file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          if (id.includes('node_modules/')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.ECOPLAN_API ?? 'http://127.0.0.1:3100', changeOrigin: false } },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
    testTimeout: 20_000,
  },
});

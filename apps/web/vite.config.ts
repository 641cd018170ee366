import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    // recharts reads react-is from the root node_modules (16.x, which does not know React 19
    // elements); use the web app's own react-is, which matches its React.
    dedupe: ['react-is'],
    // The browser needs the contracts' enums and helpers, not their zod schemas (types are erased).
    alias: [
      {
        find: /^@lan-toa\/contracts$/u,
        replacement: fileURLToPath(new URL('./src/app/contracts-runtime.ts', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Libraries in one long-cached chunk; app code in the entry and the lazily loaded pages.
        codeSplitting: {
          // Only what the first page needs goes in the vendor chunk: charts (the dashboard) and the
          // rich text editor (plan drafting) are loaded with the pages that use them.
          groups: [{ name: 'vendor', test: /[\\/]node_modules[\\/]/u, tags: ['$initial'] }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});

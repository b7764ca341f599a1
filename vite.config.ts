import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./client', import.meta.url));

/** The client (public map, planner page, printable report): built from client/ into dist/client, served at /. */
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./client/index.html', import.meta.url)),
        planner: fileURLToPath(new URL('./client/planner.html', import.meta.url)),
        report: fileURLToPath(new URL('./client/report.html', import.meta.url)),
      },
      output: {
        // MapLibre in a chunk of its own: cached across releases and measured apart from the app.
        codeSplitting: { groups: [{ name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl/ }] },
      },
    },
  },
  server: {
    // The client imports its GraphQL operations from ../schema/operations.
    fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] },
  },
});

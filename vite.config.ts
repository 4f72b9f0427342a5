import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The tab is a static single-page app served by the bot's Express server from dist/tab.
export default defineConfig({
  root: 'tab',
  plugins: [react()],
  // Fluent UI v9 and React make one ~800 kB (about 250 kB gzipped) chunk, loaded once per session.
  build: { outDir: '../dist/tab', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1000 },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3978' } },
});

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The tab is a static single-page app served by the bot's Express server from dist/tab.
export default defineConfig({
  root: 'tab',
  plugins: [react()],
  build: { outDir: '../dist/tab', emptyOutDir: true, sourcemap: true },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3978' } },
});

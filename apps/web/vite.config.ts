import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w @fixloop/web` proxies the API to a Fixloop started with `npm start` (port 8000).
const target = process.env['FIXLOOP_URL'] ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The first route must stay small (checked by scripts/check-bundle-size.ts); pages are lazy chunks.
    chunkSizeWarningLimit: 600,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': target, '/health': target },
  },
});

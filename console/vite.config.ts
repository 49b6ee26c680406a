import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

/** The console is served by Gatehouse at /admin/ from dist/admin (see src/console/). */
export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  publicDir: 'public',
  build: {
    outDir: '../dist/admin',
    emptyOutDir: true,
    sourcemap: false,
    // Keep every asset a file: the CSP allows no inline data for scripts or styles.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});

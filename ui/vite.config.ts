/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The app runs offline inside Tauri: everything is bundled, paths are relative.
export default defineConfig({
  base: './',
  plugins: [vue()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: ['es2021', 'chrome105', 'safari15'],
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    css: false,
    // Let Vite transform Element Plus so its ESM import of async-validator resolves like in the app
    // (Node's own loader would hand it the CommonJS build and form validation would not run).
    server: { deps: { inline: ['element-plus'] } },
  },
});

import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build lands in target/classes/static, which Maven packages as classpath:/static for the application.
// `npm run dev` proxies the API to an application running on port 8080.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/actuator': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // antd forms typed into character by character are slow in jsdom on a busy machine
    testTimeout: 30_000,
  },
});

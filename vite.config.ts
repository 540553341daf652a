import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web application lives in web/ and is built to dist/web, which the API server serves.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // React and zod change less often than the app: a separate chunk stays cached across releases.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } } },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});

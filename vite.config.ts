import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { wasmThreads } from './scripts/wasm-threads-plugin';

// COOP/COEP make the page cross-origin isolated so the WASM backend may use threads.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), wasmThreads()],
  server: { headers: isolation },
  preview: { headers: isolation },
  // The training worker's bundle needs it too: tfjs-backend-wasm's threaded build runs there.
  worker: { format: 'es', plugins: () => [wasmThreads()] },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4096 },
});

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: one bundle served by the app:// protocol (Electron) and the loopback web transport.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
  },
});

// Vite build and dev-server configuration for the Kabinet web client.
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// Resolve paths from this file so the config works from the repo root and from web/.
const webDir = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: webDir,
  plugins: [solid()],
  build: {
    outDir: `${webDir}dist`,
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/graphql': 'http://localhost:4000',
    },
  },
});

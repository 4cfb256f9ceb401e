// Vite build and dev-server configuration for the Kabinet web client.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { babelOptimizerPlugin } from '@graphql-codegen/client-preset';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';

// Resolve paths from this file so the config works from the repo root and from web/.
const webDir = decodeURIComponent(new URL('.', import.meta.url).pathname);

/** Text files worth compressing; images other than SVG are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/**
 * Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip, level 9) beside every compressible file of the
 * build, each only when smaller than the original: the server sends these as they are (@fastify/static
 * `preCompressed`), so no request pays for compressing.
 */
function precompress(): Plugin {
  return {
    name: 'kabinet-precompress',
    apply: 'build',
    writeBundle(options) {
      const outDir = options.dir ?? `${webDir}dist`;
      for (const file of filesUnder(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const original = readFileSync(file);
        if (original.length < MIN_BYTES) continue;
        const brotli = brotliCompressSync(original, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
          },
        });
        const gzip = gzipSync(original, { level: 9 });
        if (brotli.length < original.length) writeFileSync(`${file}.br`, brotli);
        if (gzip.length < original.length) writeFileSync(`${file}.gz`, gzip);
      }
    },
  };
}

export default defineConfig({
  root: webDir,
  plugins: [
    solid({
      // Also the .ts modules, which hold GraphQL documents too (the session, the password policy).
      extensions: [['.ts', { typescript: true }]],
      babel: {
        // Each graphql(`…`) call becomes an import of that one document from the generated module, so a chunk
        // carries only the documents it uses (instead of the entry carrying every document of every page).
        plugins: [[babelOptimizerPlugin, { artifactDirectory: `${webDir}src/graphql`, gqlTagName: 'graphql' }]],
      },
    }),
    precompress(),
  ],
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

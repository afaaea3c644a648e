import { fileURLToPath } from 'node:url';
import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { initialJsBudget } from './build/initial-js-budget';

const DEFAULT_API_URL = 'http://127.0.0.1:3000';

export default defineConfig(({ mode }) => {
  // Only KINDRED_* variables are read here; none of them are exposed to client code.
  const env = loadEnv(mode, fileURLToPath(new URL('.', import.meta.url)), 'KINDRED_');
  const apiUrl = env.KINDRED_API_URL || DEFAULT_API_URL;

  return {
    // lingui() compiles the JSON catalogs imported with `?lingui`; a message that is not valid
    // ICU fails the build instead of showing a broken sentence.
    plugins: [react(), lingui({ failOnCompileError: true }), initialJsBudget()],
    resolve: {
      // Point at the contracts source so the web app never waits on a contracts build.
      alias: {
        '@kindred/contracts': fileURLToPath(
          new URL('../../libs/contracts/src/index.ts', import.meta.url),
        ),
      },
    },
    server: {
      proxy: {
        '/api': { target: apiUrl, changeOrigin: false },
        '/socket.io': { target: apiUrl, ws: true, changeOrigin: false },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      reportCompressedSize: true,
      // Vite's modulepreload polyfill is an inline-free module, but modern browsers do not
      // need it; leaving it out keeps the entry smaller.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          // Libraries change rarely: one vendor file stays cached across app releases. Passkey
          // ceremonies are used only on the sign-in and settings pages, and the live connection opens
          // after the first paint: those libraries stay in lazy chunks instead of every page's
          // first load.
          // The app's shared layer (api client, i18n, ui, realtime port) is one file: every page
          // needs it, and a dozen tiny files each gzipped alone cost more than one.
          codeSplitting: {
            groups: [
              { name: 'vendor', test: /node_modules\/(?!@simplewebauthn\/|socket\.io-|engine\.io-|@socket\.io\/|xmlhttprequest-ssl\/)/ },
              { name: 'shared', test: /\/src\/shared\// },
            ],
          },
        },
      },
    },
  };
});

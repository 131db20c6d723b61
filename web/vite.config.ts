/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";

// The backend (`safecity demo`) listens on :8080 by default; override with SAFECITY_API.
const backend = process.env.SAFECITY_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  // No @vitejs/plugin-react: esbuild compiles JSX with the automatic runtime.
  esbuild: { jsx: "automatic" },
  // Each text file's brotli (best quality) and gzip encodings written beside it (`x.js.br`, `x.js.gz`), sent
  // by safecity as they are (core/http/static_files.py): compressing at its best once per build, not per process.
  plugins: [
    compression({
      algorithms: [defineAlgorithm("brotliCompress"), defineAlgorithm("gzip", { level: 9 })],
      threshold: 1024, // static_files.MIN_COMPRESSED_BYTES: smaller files are sent as they are
    }),
  ],
  server: {
    proxy: {
      "/api": { target: backend, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: "dist",
    sourcemap: false,
    // MapLibre (its own lazy chunk, loaded with the first map) is ~1.1 MB minified, ~310 kB gzipped.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      onwarn(warning, warn) {
        // react-router ships "use client" directives for RSC bundlers; harmless here.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    // Generous per-test limits: CI shares two cores with PostgreSQL, NATS and the Python suite, and a user-event
    // test that takes 1 s alone can take several under that load. These are hang guards, not timing checks.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "threads",
    poolOptions: { threads: { maxThreads: 2, minThreads: 1 } },
  },
});

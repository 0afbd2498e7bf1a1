import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'], // real Chromium: `npm run test:browser` (vitest.browser.config.ts)
    // Every test fails when the strict Open API stand-in refused or would mis-render what the bot sent;
    // a test file's temporary folders are removed after it.
    setupFiles: ['test/setup/platform.ts', 'test/setup/tempFiles.ts'],
    // Worker threads that keep their module cache from one test file to the next: importing the
    // bot (node-sdk, drizzle, koa …) once per worker instead of once per file took the suite's
    // import time from ≈ 85 s to ≈ 10 s. Each file still gets fresh test-file state; nothing in
    // src/ keeps module state a test could leak into the next file (caches are keyed by content).
    pool: 'threads',
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

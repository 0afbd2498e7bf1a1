import { defineConfig } from 'vitest/config';

/**
 * The browser tests (`npm run test:browser`): real headless Chromium from Debian's `chromium`
 * package, driven by playwright-core. Kept out of `npm test`, which must pass on a machine
 * without a browser.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    // As in `npm test`: a test fails when the strict Open API stand-in refused what the bot sent.
    setupFiles: ['test/setup/platform.ts', 'test/setup/tempFiles.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time on a 2-core machine.
    fileParallelism: false,
  },
});

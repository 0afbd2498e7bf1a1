import { defineConfig } from 'vitest/config';

/**
 * The browser tests (`npm run test:browser`): real headless Chromium from Debian's `chromium`
 * package, driven by playwright-core. Kept out of `npm test`, which must pass on a machine
 * without a browser.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time on a 2-core machine.
    fileParallelism: false,
  },
});

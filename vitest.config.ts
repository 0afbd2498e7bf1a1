import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'], // real Chromium: `npm run test:browser` (vitest.browser.config.ts)
    // Every test fails when the strict Open API stand-in refused or would mis-render what the bot sent.
    setupFiles: ['test/setup/platform.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

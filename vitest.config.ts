import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'], // real Chromium: `npm run test:browser` (vitest.browser.config.ts)
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

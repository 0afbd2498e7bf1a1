import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['.bench-tmp/**/*.test.ts'], testTimeout: 120000 } });

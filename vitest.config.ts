import fs from 'node:fs';
import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files that start child processes (the bot, the CLIs) first: they take longest, mostly
 * waiting on their children, and one left for the end holds up the whole run. Within each
 * group Vitest's own order: the longest first as the last run measured them, or — on a fresh
 * clone, with no such record — the largest first.
 */
class ChildProcessesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const spawns = (f: TestSpecification) => /['"]node:child_process['"]|['"]\.\/helpers\/process\.js['"]/.test(fs.readFileSync(f.moduleId, 'utf8'));
    const first = sorted.filter(spawns);
    return [...first, ...sorted.filter((f) => !first.includes(f))];
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'], // real Chromium: `npm run test:browser` (vitest.browser.config.ts)
    // Every test fails when the strict Open API stand-in refused or would mis-render what the bot sent;
    // a test file's temporary folders are removed after it.
    setupFiles: ['test/setup/platform.ts', 'test/setup/tempFiles.ts'],
    // Worker threads that keep their module cache from one test file to the next: importing the
    // bot (node-sdk, drizzle, koa …) once per worker instead of once per file took the suite's
    // import time from ≈ 85 s to ≈ 6 s. Each file still gets fresh test-file state; nothing in
    // src/ keeps module state a test could leak into the next file (caches are keyed by content).
    pool: 'threads',
    isolate: false,
    // Vitest's default is one worker less than the cores: a single worker on a 2-core machine.
    // The tests wait on child processes (the bot, the CLIs), sockets and timers for much of their
    // time, so one worker more than the cores keeps them all busy (2 cores: 3 workers ≈ 48–51 s,
    // 2 workers ≈ 50–53 s, 1 worker ≈ 85 s).
    maxWorkers: os.availableParallelism() + 1,
    sequence: { sequencer: ChildProcessesFirst },
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

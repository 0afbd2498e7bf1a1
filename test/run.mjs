/**
 * `npm test`: the type check and the suite side by side (tsc is single-threaded and the suite
 * waits on child processes much of the time, so together they finish sooner than one after
 * the other). Fails when either fails; extra arguments go to vitest. Plain Node, so it runs
 * the same on Linux, macOS and Windows.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A package's command-line script, as `npm ci` installed it (the package's `bin`). */
const bin = (pkg, name) => path.join(fileURLToPath(new URL('../node_modules/', import.meta.url)), pkg, name);

function run(label, script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: label === 'tsc' ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ label, code: code ?? 1, out }));
  });
}

const [tsc, vitest] = await Promise.all([
  run('tsc', bin('typescript', 'bin/tsc'), ['--noEmit']),
  run('vitest', bin('vitest', 'vitest.mjs'), ['run', ...process.argv.slice(2)]),
]);
// The type check's verdict after the suite's report, so it is the last thing on screen.
process.stdout.write(tsc.code === 0 ? '\ntsc --noEmit: no type errors\n' : `\ntsc --noEmit failed:\n${tsc.out}`);
process.exitCode = tsc.code || vitest.code;

/**
 * `npm run build`: compiles src/ and commands/ to dist/ (tsc, incremental: an unchanged tree takes
 * a few seconds) and copies what the compiled code reads from beside itself — the event writer's
 * CommonJS batch module, the local console's page, the demo roster — and the folders it reads
 * relative to the repository root (drizzle/ migrations, examples/communities.csv), so dist/ keeps
 * the layout the sources have. Plain Node, so it runs the same on Linux, macOS and Windows.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

/** Copies `from` (a file or a folder, relative to the repository) to the same place under dist/. */
function copy(from, filter = () => true) {
  const src = path.join(root, from);
  fs.cpSync(src, path.join(dist, from), { recursive: true, filter: (f) => fs.statSync(f).isDirectory() || filter(f) });
}

copy('src/feishu', (f) => f.endsWith('.cjs'));
copy('src/local/console');
copy('src/local/demoRoster.csv');
copy('drizzle');
copy('examples/communities.csv');
// dist/ is a module tree of its own: Node reads "type" from the nearest package.json.
fs.writeFileSync(path.join(dist, 'package.json'), JSON.stringify({ type: 'module', private: true }) + '\n');

/**
 * `npm run eval:parser [-- --misses]`: scores the report parser on the development table and
 * on the held-out file (eval/parser/README.md says how they were kept apart). Prints per-field
 * accuracy, the ask rate on clear reports, the wrong-record rate on unclear ones and the time
 * per report, for each; `--misses` lists the development table's misses (never the held-out
 * file's, so nobody tunes the vocabulary against it by accident). Exits 1 if a target is missed.
 */
import { fileURLToPath } from 'node:url';
import { evaluate, readPart, readSetup, shortfalls, type EvalResult } from './parserEval.js';

const dir = fileURLToPath(new URL('./parser/', import.meta.url));
const setup = readSetup(`${dir}communities.json`);
const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;

function print(name: string, r: EvalResult): void {
  console.log(`\n${name}: ${r.rows} reports (${r.clear} clear, ${r.unclear} to ask about or refuse)`);
  for (const f of ['date', 'hours', 'item', 'area', 'mode', 'community'] as const) {
    const note = f === 'area' ? ` of ${r.counted.area} that name one; filled on ${r.areaFalseFills} that name none` : '';
    console.log(`  ${f.padEnd(10)} ${pct(r.accuracy[f])}${note}`);
  }
  console.log(`  asked on clear reports      ${pct(r.askRate)}`);
  console.log(`  recorded unclear reports    ${pct(r.wrongRecordRate)} (${r.wrongRecords})`);
  console.log(`  time per report             ${r.msPerReport.toFixed(3)} ms`);
  const short = shortfalls(r);
  console.log(short.length ? `  MISSED TARGETS: ${short.join('; ')}` : '  all targets met');
}

const devPart = readPart(dir, 'table');
const heldOutPart = readPart(dir, 'heldout');
// (five timed passes: with ~49,000 reports, twenty took six minutes and told no more)
const dev = evaluate(devPart.rows, setup, 5);
const heldOut = evaluate(heldOutPart.rows, setup, 5);
print(`Development table (${devPart.files.join(' + ')})`, dev);
print(`Held-out part (${heldOutPart.files.join(' + ')})`, heldOut);
if (process.argv.includes('--misses')) {
  console.log('\nDevelopment table misses:');
  for (const m of dev.misses) console.log(`  ${m.id} ${m.what}\n      ${m.text}`);
}
process.exitCode = shortfalls(dev).length + shortfalls(heldOut).length > 0 ? 1 : 0;

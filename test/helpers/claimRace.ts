/**
 * One "process" of the job-run claim race (test/scheduler.test.ts): opens the database file,
 * says `ready`, waits for `go` on stdin (sent to both processes at once), claims `count` keys
 * as fast as it can and prints the targets it won and when it started and ended, as JSON. Run with `node --import tsx`.
 */
import { once } from 'node:events';
import { openDb } from '../../src/db/client.js';
import { claim } from '../../src/jobs/jobRuns.js';

const [file, count] = [process.argv[2]!, Number(process.argv[3])];
const db = openDb(file);
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const won: number[] = [];
const started = Date.now();
for (let i = 0; i < count; i++) if (claim(db, { kind: 'race', target: i, period: '2025-W11' }, Date.now())) won.push(i);
db.$client.close();
process.stdout.write(JSON.stringify({ won, started, ended: Date.now() }) + '\n');

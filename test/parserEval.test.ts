/**
 * The report parser against reports it was not written for (eval/parser/README.md), scored as
 * `npm run eval:parser` scores them (timing is left to that script). The development tables must
 * meet every target of issue 15; the held-out files, never tuned against, must not fall below
 * the figures they gave after the fourth rotation on 6 December 2026 (quoted in the README).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, readPart, readSetup, shortfalls, type EvalResult } from '../eval/parserEval.js';

const dir = fileURLToPath(new URL('../eval/parser/', import.meta.url));
const setup = readSetup(`${dir}communities.json`);
const part = (prefix: 'table' | 'heldout'): EvalResult => evaluate(readPart(dir, prefix).rows, setup, 0);
const dev = part('table');
const heldOut = part('heldout');

describe('the report parser on reports written without it', () => {
  it('meets every target on the development tables', () => {
    expect(dev.rows).toBeGreaterThanOrEqual(300);
    expect(shortfalls({ ...dev, msPerReport: 0 }), dev.misses.map((m) => `${m.id} ${m.what}`).join('\n')).toEqual([]);
  });

  it('keeps a third of all reports held out', () => {
    expect(heldOut.rows / (dev.rows + heldOut.rows)).toBeGreaterThanOrEqual(1 / 3);
  });

  it('does no worse on the held-out files than after the fourth rotation', () => {
    expect(heldOut.accuracy.date).toBeGreaterThanOrEqual(0.98);
    expect(heldOut.accuracy.hours).toBeGreaterThanOrEqual(0.98);
    // Issue 15's target is 95 %; 94.5 % is where the parser stood on the fresh files (README).
    expect(heldOut.accuracy.item).toBeGreaterThanOrEqual(0.944);
    expect(heldOut.accuracy.area).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.askRate).toBeLessThanOrEqual(0.05);
    // Issue 15's target is 0; 3 of 445 is where the parser stood (README).
    expect(heldOut.wrongRecords).toBeLessThanOrEqual(3);
  });
});

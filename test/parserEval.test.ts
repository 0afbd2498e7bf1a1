/**
 * The report parser against reports it was not written for (eval/parser/README.md), scored as
 * `npm run eval:parser` scores them (timing is left to that script). The development tables must
 * meet every target of issue 15; the held-out files, never tuned against, must not fall below
 * the figures they gave on 6 December 2026 (quoted in the README).
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

  it('does no worse on the held-out files than on 6 December 2026', () => {
    expect(heldOut.accuracy.date).toBeGreaterThanOrEqual(0.98);
    expect(heldOut.accuracy.hours).toBeGreaterThanOrEqual(0.98);
    expect(heldOut.accuracy.item).toBeGreaterThanOrEqual(0.95);
    expect(heldOut.accuracy.area).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.askRate).toBeLessThanOrEqual(0.05);
    // Issue 15's target is 0; 7 of 303 is where the parser stands (README).
    expect(heldOut.wrongRecords).toBeLessThanOrEqual(7);
  });
});

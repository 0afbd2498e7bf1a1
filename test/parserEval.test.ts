/**
 * The report parser against reports it was not written for (eval/parser/README.md), scored as
 * `npm run eval:parser` scores them (timing is left to that script). The development tables must
 * meet every target of issue 15; the held-out files, never tuned against, must not fall below
 * the figures they gave when last measured (quoted in the README).
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

  it('does no worse on the held-out files than when last measured (thirtieth rotation)', () => {
    // Issue 15's targets are 98 / 98 / 95 / 90 %, asks ≤ 5 % and 0 unclear recorded; these floors
    // are where the parser stood on the held-out files on 8 December 2026, after the thirtieth rotation (README). The held-out part
    // changed at each rotation: these are the figures on the files held out now, not the last session's.
    expect(heldOut.accuracy.date).toBeGreaterThanOrEqual(0.986);
    expect(heldOut.accuracy.hours).toBeGreaterThanOrEqual(0.978);
    expect(heldOut.accuracy.item).toBeGreaterThanOrEqual(0.929);
    expect(heldOut.accuracy.area).toBeGreaterThanOrEqual(0.870);
    expect(heldOut.askRate).toBeLessThanOrEqual(0.074);
    expect(heldOut.wrongRecords).toBeLessThanOrEqual(105);
  });
});

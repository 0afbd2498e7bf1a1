/**
 * Local mode's clock: real time plus an offset the console moves forward (+1 天, +1 周), so
 * reminders and digests that would take days to come can be seen in a minute.
 */
import type { Clock } from '../clock.js';

export class OffsetClock implements Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves time forward; returns the time before the move. */
  advance(ms: number): number {
    const before = this.now();
    this.offsetMs += Math.max(0, ms);
    return before;
  }
}

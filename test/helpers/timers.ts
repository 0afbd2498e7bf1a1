/**
 * Time for the outbox's pacer and rate-limit holds (the `Timer` port of src/jobs/rateLimit.ts)
 * that tests move instead of waiting for it.
 */
import type { Timer } from '../../src/jobs/rateLimit.js';

/**
 * Virtual monotonic time. `sleep(ms)` resolves on the next turn with the time moved on to at
 * least `ms` after the call (never back): as a real timer, a sleeper wakes no earlier than it
 * asked, so a pacer spreading sends over a second still spreads them — over a virtual second,
 * measured where the fake Open API records them when it reads the same time. `advance(ms)`
 * moves it by hand, e.g. past a rate-limit hold.
 */
export class VirtualTimer implements Timer {
  private t = 0;

  /**
   * `busy`: while it answers true (e.g. a send is on its way to the fake), sleepers wait and the
   * time stands still, so a request is recorded at the time it was sent, not at a later time
   * another sleeper moved on to meanwhile.
   */
  constructor(private readonly busy: () => boolean = () => false) {}

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    const wake = this.t + ms;
    return new Promise((resolve) => {
      const tick = () => {
        if (this.busy()) return void setImmediate(tick);
        this.t = Math.max(this.t, wake);
        resolve();
      };
      setImmediate(tick);
    });
  }

  advance(ms: number): void {
    this.t += ms;
  }
}

/**
 * How far behind the ack path has fallen lately, for /healthz: the longest the event loop was
 * held (every request waits for it) and the slowest commit of the inbound-event writer (every
 * ack waits for its event's commit). Each is the worst of the current and the previous minute,
 * so a monitor, or bench:scale after a fan-out, sees the last one to two minutes.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

const WINDOW_MS = 60_000;

export interface LagReport {
  /** Longest event-loop delay in the window (ms). */
  eventLoopMaxMs: number;
  /** Slowest batch commit of the event writer in the window, from hand-off to result (ms). */
  eventCommitMaxMs: number;
}

export class AckLag {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 20 });
  private readonly timer: NodeJS.Timeout;
  private previous: LagReport = { eventLoopMaxMs: 0, eventCommitMaxMs: 0 };
  private commitMax = 0;

  constructor() {
    this.loop.enable();
    this.timer = setInterval(() => {
      this.previous = { eventLoopMaxMs: this.loopMax(), eventCommitMaxMs: this.commitMax };
      this.loop.reset();
      this.commitMax = 0;
    }, WINDOW_MS).unref();
  }

  /** Records one commit of the event writer. */
  commit(ms: number): void {
    if (ms > this.commitMax) this.commitMax = ms;
  }

  report(): LagReport {
    return {
      eventLoopMaxMs: Math.round(Math.max(this.loopMax(), this.previous.eventLoopMaxMs)),
      eventCommitMaxMs: Math.round(Math.max(this.commitMax, this.previous.eventCommitMaxMs)),
    };
  }

  stop(): void {
    clearInterval(this.timer);
    this.loop.disable();
  }

  private loopMax(): number {
    return this.loop.count > 0 ? this.loop.max / 1e6 : 0;
  }
}

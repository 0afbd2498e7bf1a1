/**
 * In-memory send pacing for the outbox: Feishu allows 5 messages/s to the same chat or user
 * (code 230020 beyond that) and ~50/s for the app (99991400). These limits run on wall time,
 * not on the injected clock, so this module measures with a monotonic timer.
 */

/** Monotonic milliseconds and a real sleep; a port so a test could swap them. */
export interface Timer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Wall-clock pacing for production. */
export const realTimer: Timer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

interface Slot {
  /** When the send finished; Infinity while it is in flight. */
  end: number;
}

/**
 * At most `limit` sends in any `windowMs`. A send occupies its slot from start until `windowMs`
 * after it *finished*: the request reaches Feishu somewhere between start and finish, so
 * counting from the finish keeps the guarantee as Feishu measures it, whatever the latency
 * (a token bucket counting from the start lets a slow first request land inside the next
 * second's burst).
 */
export class SlidingWindow {
  private slots: Slot[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly timer: Timer = realTimer,
  ) {}

  /** Milliseconds until a slot frees up; 0 when one is free now. */
  waitMs(): number {
    const now = this.timer.now();
    this.slots = this.slots.filter((s) => s.end + this.windowMs > now);
    if (this.slots.length < this.limit) return 0;
    const earliest = Math.min(...this.slots.map((s) => s.end));
    // All slots in flight: poll shortly, the first finish frees one a window later.
    return Number.isFinite(earliest) ? Math.max(1, Math.ceil(earliest + this.windowMs - now)) : 20;
  }

  /** Takes a slot if one is free; returns its release (call when the send has finished). */
  tryTake(): (() => void) | null {
    if (this.waitMs() > 0) return null;
    const slot: Slot = { end: Infinity };
    this.slots.push(slot);
    return () => {
      slot.end = this.timer.now();
    };
  }

  /** No send in flight or within the window: the window can be forgotten. */
  get idle(): boolean {
    return this.waitMs() === 0 && this.slots.length === 0;
  }
}

/**
 * One window per target plus one for the whole app. `take(target)` waits until both have room,
 * so a burst to one chat is spread while other chats keep going.
 */
export class SendPacer {
  private readonly perTarget = new Map<string, SlidingWindow>();
  private readonly overall: SlidingWindow;
  private readonly blockedUntil = new Map<string, number>();
  private appBlockedUntil = 0;

  constructor(
    private readonly opts: { perTargetPerSecond: number; overallPerSecond: number },
    readonly timer: Timer = realTimer,
  ) {
    this.overall = new SlidingWindow(opts.overallPerSecond, 1000, timer);
  }

  /** Whether sends to `target` (or any send) are held back after a rate-limit answer. */
  blocked(target: string): boolean {
    const now = this.timer.now();
    return (this.blockedUntil.get(target) ?? 0) > now || this.appBlockedUntil > now;
  }

  /** Holds back `target` (or, without one, the whole app) for `ms`. */
  backOff(target: string | null, ms: number): void {
    const until = this.timer.now() + ms;
    if (target === null) this.appBlockedUntil = Math.max(this.appBlockedUntil, until);
    else this.blockedUntil.set(target, Math.max(this.blockedUntil.get(target) ?? 0, until));
  }

  /**
   * Waits for room for one send to `target` (and in the app-wide window unless `appWindow` is
   * false); resolves with the release to call after it.
   */
  async take(target: string, opts: { appWindow: boolean } = { appWindow: true }): Promise<() => void> {
    let window = this.perTarget.get(target);
    if (!window) this.perTarget.set(target, (window = new SlidingWindow(this.opts.perTargetPerSecond, 1000, this.timer)));
    for (;;) {
      const wait = Math.max(window.waitMs(), opts.appWindow ? this.overall.waitMs() : 0);
      if (wait === 0) {
        const releaseTarget = window.tryTake()!;
        const releaseAll = opts.appWindow ? this.overall.tryTake()! : () => undefined;
        return () => {
          releaseTarget();
          releaseAll();
        };
      }
      await this.timer.sleep(wait);
    }
  }

  /** Forgets windows that have emptied, so the map does not grow with every user ever messaged. */
  sweep(): void {
    for (const [target, window] of this.perTarget) if (window.idle) this.perTarget.delete(target);
    const now = this.timer.now();
    for (const [target, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(target);
  }
}

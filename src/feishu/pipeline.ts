/**
 * What both transports share after their own checks: dedupe + durable write before the
 * ack, processing after it, and recovery of acknowledged-but-unprocessed events at start.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { t } from '../text/zh-CN.js';
import type { InboundEvent } from './envelope.js';
import type { EventStore } from './eventStore.js';

/** The card callback answer (FEISHU.md §4.1): both keys optional, `{}` acknowledges. */
export interface CardResponse {
  toast?: { type: 'success' | 'info' | 'warning' | 'error'; content: string };
  card?: { type: 'raw'; data: unknown };
}

/** Implemented by the bot: the transport knows nothing about commands. */
export interface EventHandler {
  /**
   * True when the handler is sure it would do nothing with the event (e.g. group chatter that
   * does not @-mention the bot). Such an event is still deduped, but stored without its
   * payload and already done: nobody's chatter is written to disk, and it costs no processing.
   * Must be quick and synchronous (it runs before the ack); when unsure, answer false.
   */
  ignores(event: InboundEvent): boolean;
  /** Runs after the ack; may be slow; must be safe to run again for the same event. */
  handleEvent(event: InboundEvent): Promise<void>;
  /** Runs before the answer; must be quick (the platform waits at most 3 s). */
  handleCardAction(event: InboundEvent): Promise<CardResponse>;
}

const CARD_ACTION = 'card.action.trigger';

/** The message_id of a received message (its second dedupe key), read before any validation. */
function messageIdOf(event: InboundEvent): string | undefined {
  if (event.type !== 'im.message.receive_v1') return undefined;
  const id = (event.event as { message?: { message_id?: unknown } } | null)?.message?.message_id;
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : undefined;
}

/** Card answers must arrive within 3 s; past this the click is acknowledged and finishes later. */
const CARD_DEADLINE_MS = 2500;

/**
 * Events processed at once. Processing mostly waits on Feishu (a send takes 100–300 ms there),
 * so many run side by side; the cap bounds the memory and the continuations of a backlog.
 */
const MAX_PROCESSING = 32;

/** An acknowledged event waiting for its turn, and what settles its place in `inflight`. */
interface Queued {
  event: InboundEvent;
  work?: (e: InboundEvent) => Promise<unknown>;
  settle: () => void;
}

type Reception = { duplicate: true } | { duplicate: false; response: CardResponse | Record<string, never> };

/**
 * Processing starts one event per turn of the event loop, after the ack: handling is mostly
 * synchronous (SQLite), and started inside `receive` it held back the event's own 200 and every
 * request that arrived meanwhile. A turn first serves the sockets, so under a burst the acks go
 * out at once and the backlog — already durable, recovered after a kill — is worked through
 * behind them (bench/drill.ts).
 */
export class InboundPipeline {
  private readonly inflight = new Set<Promise<void>>();
  private readonly queue: Queued[] = [];
  private processing = 0;
  private pumping = false;
  private closing = false;

  constructor(
    private readonly store: EventStore,
    private readonly handler: EventHandler,
    private readonly clock: Clock,
    private readonly log: Logger,
    /**
     * Shows the clicker what a slow click came to after it was answered 「正在处理」: its card
     * (through the callback's delayed-update token) or its toast (a failure, say, as a message).
     */
    private readonly finishLate?: (event: InboundEvent, response: CardResponse) => Promise<void>,
    /** How long a click's work may take before it is answered 「正在处理」 (tests shorten it). */
    private readonly cardDeadlineMs = CARD_DEADLINE_MS,
  ) {}

  /** Call before answering; throws if the event could not be stored (answer 5xx then). */
  async receive(event: InboundEvent, rawEvent: string): Promise<Reception> {
    const ignored = event.type !== CARD_ACTION && this.handler.ignores(event);
    const acceptance = await this.store.accept(event, event.type, ignored ? null : rawEvent, this.clock.now(), messageIdOf(event));
    if (acceptance === 'duplicate') {
      this.log.debug({ eventId: event.id, type: event.type }, 'duplicate event ignored');
      return { duplicate: true };
    }
    if (ignored) return { duplicate: false, response: {} };
    if (event.type === CARD_ACTION) return { duplicate: false, response: await this.cardAction(event) };
    this.enqueue(event);
    return { duplicate: false, response: {} };
  }

  /**
   * Queues what was acknowledged before a crash or kill, ahead of anything received since;
   * resolves with how many once they are queued (`idle()` waits for their processing).
   */
  async recover(parse: (payload: string) => InboundEvent | null): Promise<number> {
    const rows = this.store.pending();
    for (const row of rows) {
      const parsed = parse(row.payload);
      // The row's own key marks it done, whatever the payload says.
      const event = parsed && { ...parsed, id: row.eventId, time: row.eventTime };
      if (!event) {
        this.store.markDone({ id: row.eventId, time: row.eventTime }, this.clock.now(), 'unparseable stored payload');
        continue;
      }
      this.log.info({ eventId: row.eventId, type: row.eventType }, 'recovering acknowledged event');
      // A click is replayed too, its answer discarded (the window for it is long gone): what the stop
      // cut off — a review card after the log was stored, the author's notice after a decision —
      // still happens. Actions re-check everything from the database and their sends are keyed,
      // so a click whose work was done and only its done-mark lost changes and sends nothing again.
      this.enqueue(event, event.type === CARD_ACTION ? (e) => this.handler.handleCardAction(e) : undefined);
    }
    await this.store.flush();
    return rows.length;
  }

  /**
   * Graceful shutdown: waits for the events being processed; those still queued stay 'pending'
   * in the store, and the next start recovers them.
   */
  async drain(): Promise<void> {
    this.closing = true;
    for (const waiting of this.queue.splice(0)) waiting.settle();
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
    await this.store.close();
  }

  /**
   * Resolves once no event is in progress and the event rows written so far are committed;
   * unlike `drain()` the pipeline stays open. Tests wait for this instead of sleeping.
   */
  async idle(): Promise<void> {
    do {
      while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
      await this.store.flush();
    } while (this.inflight.size > 0);
  }

  get busy(): number {
    return this.inflight.size;
  }

  get isClosing(): boolean {
    return this.closing;
  }

  /** Runs `work` for the event (its handling; a replayed click's action) and marks the event done, or failed. */
  private async process(event: InboundEvent, work: (e: InboundEvent) => Promise<unknown> = (e) => this.handler.handleEvent(e)): Promise<void> {
    try {
      await work(event);
      this.store.markDone(event, this.clock.now());
    } catch (err) {
      this.log.error({ eventId: event.id, type: event.type, err }, 'event processing failed');
      this.store.markDone(event, this.clock.now(), err instanceof Error ? err.message : String(err));
    }
  }

  private async cardAction(event: InboundEvent): Promise<CardResponse> {
    const work = this.handler.handleCardAction(event).then(
      (r) => {
        this.store.markDone(event, this.clock.now());
        return r;
      },
      (err: unknown) => {
        this.log.error({ eventId: event.id, err }, 'card action failed');
        this.store.markDone(event, this.clock.now(), err instanceof Error ? err.message : String(err));
        return { toast: { type: 'error', content: t('error.unexpected') } } satisfies CardResponse;
      },
    );
    let answeredLate = false;
    // A click answered with 「正在处理」 still ends in its final state: once the work is done, the
    // clicker is shown its outcome (after the answer, as the delayed update requires).
    this.track(work.then(async (r: CardResponse) => {
      if (!answeredLate || !this.finishLate) return;
      await this.finishLate(event, r).catch((err: unknown) => this.log.warn({ eventId: event.id, err: (err as Error).message }, 'could not show a slow click its outcome'));
    }));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<CardResponse>((resolve) => {
      timer = setTimeout(() => {
        answeredLate = true;
        resolve({ toast: { type: 'info', content: t('card.processing') } });
      }, this.cardDeadlineMs);
    });
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Queues an acknowledged event for processing; `work` replaces its handling (a replayed click). */
  private enqueue(event: InboundEvent, work?: (e: InboundEvent) => Promise<unknown>): void {
    this.track(new Promise<void>((settle) => this.queue.push({ event, work, settle })));
    this.pump();
  }

  /** Starts the next queued event on the next turn, after the turn's I/O (the acks) is served. */
  private pump(): void {
    if (this.pumping || this.closing || this.queue.length === 0 || this.processing >= MAX_PROCESSING) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      const next = this.closing ? undefined : this.queue.shift();
      if (!next) return;
      this.processing++;
      void this.process(next.event, next.work).finally(() => {
        this.processing--;
        next.settle();
        this.pump();
      });
      this.pump();
    });
  }

  private track(p: Promise<void>): void {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  }
}

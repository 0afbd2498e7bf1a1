/**
 * The drill's mixed traffic and what the Open API stand-in saw of the bot's answers.
 *
 * Mix per event (seeded): 40 % service reports typed as plain text by a student, 30 % `/我的`
 * (students and secretaries), 15 % log-form submits (a card click with form_value), 15 %
 * review approvals — a secretary clicking 「通过」 with a rating on a review card the stand-in
 * actually delivered to them (while none is waiting, a `/我的` is sent instead).
 */
import { randomUUID } from 'node:crypto';
import type { FakeOpenApi, SentMessage } from '../../src/local/openApi.js';
import { cardActionEvent, messageEvent } from '../../test/helpers/feishuEvents.js';
import type { DrillEvent } from './delivery.js';
import { HourBudget, logFormValue, reportText, type School } from './school.js';

export interface App {
  appId: string;
  appSecret: string;
  token: string;
  encryptKey: string;
}

/** What the drill keeps of each message the stand-in delivered (the stand-in's own list is trimmed). */
export interface Delivered {
  uuid?: string;
  replyTo?: string;
  receiveId?: string;
  /** The log a review card asks to decide. */
  reviewLog?: number;
  messageId: string;
}

export class Observer {
  readonly delivered: Delivered[] = [];
  /** Review cards not yet clicked: a secretary's open_id, the card's message and its log. */
  readonly toApprove: { openId: string; messageId: string; logId: number }[] = [];
  refusals: string[] = [];
  defects = 0;
  /** Send/reply requests by uuid (every try, failed or not), to see how often a uuid was sent again. */
  readonly triesByUuid = new Map<string, number>();
  private readonly secretaries: Set<string>;

  constructor(private readonly fake: FakeOpenApi, school: School) {
    this.secretaries = new Set(school.secretaries.map((s) => s.openId));
    fake.onMessage((m) => this.see(m));
    fake.onVerdict(({ refusal, defects }) => {
      if (refusal) this.refusals.push(`${refusal.code} ${refusal.rule ?? ''} ${refusal.msg}`.slice(0, 200));
      this.defects += defects.length;
    });
  }

  private see(m: SentMessage): void {
    const d: Delivered = { messageId: m.messageId, uuid: m.uuid, replyTo: m.replyTo, receiveId: m.receiveId };
    if (m.msgType === 'interactive' && m.kind === 'send' && m.receiveId && this.secretaries.has(m.receiveId)) {
      const found = /"a":"review\.approve","v":1,"p":\{"l":(\d+)\}/.exec(JSON.stringify(m.content));
      if (found) {
        d.reviewLog = Number(found[1]);
        this.toApprove.push({ openId: m.receiveId, messageId: m.messageId, logId: d.reviewLog });
      }
    }
    this.delivered.push(d);
  }

  /** Drops the stand-in's own recordings (kept here in short form) so a long run stays small. */
  trim(): void {
    for (const call of this.fake.calls) {
      const uuid = (call.body as { uuid?: unknown } | undefined)?.uuid;
      if (call.method === 'POST' && typeof uuid === 'string') this.triesByUuid.set(uuid, (this.triesByUuid.get(uuid) ?? 0) + 1);
    }
    this.fake.calls.length = 0;
    this.fake.messages.length = 0;
    this.fake.patches.length = 0;
    this.fake.cardUpdates.length = 0;
  }
}

export class Traffic {
  private n = 0;
  private readonly budget = new HourBudget();

  constructor(
    private readonly school: School,
    private readonly app: App,
    private readonly observer: Observer,
    private readonly random: () => number,
    /** Shares of reports, /我的, log forms and approvals. */
    mix: [number, number, number, number] = [40, 30, 15, 15],
  ) {
    const sum = mix.reduce((a, b) => a + b, 0);
    this.cuts = [mix[0] / sum, (mix[0] + mix[1]) / sum, (mix[0] + mix[1] + mix[2]) / sum];
  }

  private readonly cuts: number[];

  private pick<T>(xs: T[]): T {
    return xs[Math.floor(this.random() * xs.length)]!;
  }

  private base(kind: DrillEvent['kind'], envelope: { header: { event_id: string } }, openId: string, messageId: string): DrillEvent {
    return { n: this.n, kind, eventId: envelope.header.event_id, envelope, openId, messageId, attempts: [], acked: false };
  }

  /** A text message event from `openId`. */
  message(kind: 'report' | 'me', openId: string, text: string): DrillEvent {
    const messageId = `om_drill_${randomUUID().replace(/-/g, '')}`;
    const envelope = messageEvent({ openId, text, messageId, eventId: `ev_drill_${randomUUID().replace(/-/g, '')}` }, { token: this.app.token, appId: this.app.appId });
    return this.base(kind, envelope, openId, messageId);
  }

  next(): DrillEvent {
    const n = ++this.n;
    const r = this.random();
    if (r < this.cuts[0]!) {
      const student = this.pick(this.school.students);
      const planned = reportText(n, student.openId, this.random, this.budget);
      const ev = this.message('report', student.openId, planned.text);
      ev.expected = { date: planned.date, halfHours: planned.halfHours };
      return ev;
    }
    if (r < this.cuts[1]!) return this.message('me', this.pick(this.random() < 0.9 ? this.school.students : this.school.secretaries).openId, '/我的');
    if (r < this.cuts[2]!) {
      const student = this.pick(this.school.students);
      const { form, description } = logFormValue(n, student.openId, this.random, this.budget);
      const messageId = `om_drill_form_${randomUUID().replace(/-/g, '')}`;
      const envelope = cardActionEvent({ openId: student.openId, value: { a: 'log.submit', v: 1 }, name: 'submit', formValue: form, messageId, chatId: `oc_p2p_${student.openId}`, eventId: `ev_drill_${randomUUID().replace(/-/g, '')}` }, { token: this.app.token, appId: this.app.appId });
      return { ...this.base('form', envelope, student.openId, messageId), description };
    }
    const card = this.observer.toApprove.shift();
    if (!card) return this.message('me', this.pick(this.school.students).openId, '/我的');
    const envelope = cardActionEvent({ openId: card.openId, value: { a: 'review.approve', v: 1, p: { l: card.logId } }, name: 'approve', formValue: { rating: String(1 + (n % 5)) }, messageId: card.messageId, chatId: `oc_p2p_${card.openId}`, eventId: `ev_drill_${randomUUID().replace(/-/g, '')}` }, { token: this.app.token, appId: this.app.appId });
    return { ...this.base('approve', envelope, card.openId, card.messageId), logId: card.logId };
  }
}

import { randomUUID } from 'node:crypto';
import { WebSocketServer, WebSocket } from 'ws';
import type { FakeOpenApi } from './openApi.js';

/** One `pbbp2.Frame` header. */
export interface FrameHeader {
  key: string;
  value: string;
}

/** `pbbp2.Frame` as used by the Feishu long connection (FEISHU.md §5). */
export interface Frame {
  SeqID: number;
  LogID: number;
  service: number;
  /** 0 = control (ping/pong), 1 = data (event). */
  method: number;
  headers: FrameHeader[];
  payloadEncoding?: string;
  payloadType?: string;
  payload?: Uint8Array;
  LogIDNew?: string;
}

/** What the client answered to a pushed event: `code` 200 (500 if its handler threw), `data` = handler's return value. */
export interface WsAck {
  code: number;
  data?: any;
}

export interface PushOptions {
  /** Split the payload over this many frames (`sum`), as the gateway does for large events. Default 1. */
  fragments?: number;
  timeoutMs?: number;
  /** `type` header; the SDK only handles `event` (card callbacks arrive as `event` too). */
  type?: string;
}

export interface FakeWsGateway {
  /** Resolves once a client has connected and sent its first ping (immediately if one already has). */
  connected(timeoutMs?: number): Promise<void>;
  /** Send an event to the most recently connected client; resolves with its decoded ack. */
  push(eventJson: object, opts?: PushOptions): Promise<WsAck>;
  /** Number of open client sockets that have pinged. */
  readonly clientCount: number;
  /** Every frame received from clients, decoded. */
  readonly received: Frame[];
  /** Body for `POST /callback/ws/endpoint` (used by the Open API fake). */
  endpointResponse(): object;
  /** Drop all client sockets (the SDK then reconnects if `autoReconnect` is on). */
  disconnectAll(): void;
  /**
   * Makes the open connections half-open, as a NAT or router drop does: they stay open but
   * nothing crosses them any more (no pong, no event, no close). New connections work.
   */
  silence(): void;
  close(): void;
}

const CLIENT_CONFIG = { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 30 };
const SERVICE_ID = 33554678;

/**
 * Attach a fake long-connection gateway to a {@link FakeOpenApi} and expose it as `fake.ws`.
 *
 * `POST {fake.url}/callback/ws/endpoint` then hands out `ws://127.0.0.1:PORT/ws?...` on the same HTTP server, so
 * `new lark.WSClient({appId: 'cli_' + 16 hex, appSecret, domain: fake.url, autoReconnect: false})` connects to it.
 * Pings get a pong with the ClientConfig; {@link FakeWsGateway.push} sends an event data frame and awaits the ack.
 * Equivalent to `startFakeOpenApi({ws: true})`.
 */
export function attachFakeWsGateway(fake: FakeOpenApi, clientConfig: Partial<typeof CLIENT_CONFIG> = {}): FakeWsGateway {
  if (fake.ws) return fake.ws;
  const config = { ...CLIENT_CONFIG, ...clientConfig };
  const dead = new Set<WebSocket>();
  const wss = new WebSocketServer({ server: fake.server, path: '/ws' });
  const ready: WebSocket[] = [];
  const received: Frame[] = [];
  const pendingAcks = new Map<string, (ack: WsAck) => void>();
  let readyWaiters: Array<() => void> = [];
  let seq = 0;

  wss.on('connection', (socket) => {
    socket.on('message', (data: Buffer) => {
      if (dead.has(socket)) return;
      let frame: Frame;
      try {
        frame = decodeFrame(data);
      } catch {
        return;
      }
      received.push(frame);
      const type = frame.headers.find((h) => h.key === 'type')?.value;
      if (frame.method === 0 && type === 'ping') {
        socket.send(encodeFrame({
          SeqID: 0, LogID: 0, service: frame.service, method: 0, headers: [{ key: 'type', value: 'pong' }],
          payload: Buffer.from(JSON.stringify(config)),
        }));
        if (!ready.includes(socket)) {
          ready.push(socket);
          const waiters = readyWaiters;
          readyWaiters = [];
          for (const w of waiters) w();
        }
      } else if (frame.method === 1) {
        const messageId = frame.headers.find((h) => h.key === 'message_id')?.value ?? '';
        const resolve = pendingAcks.get(messageId);
        if (!resolve) return;
        pendingAcks.delete(messageId);
        const ack = JSON.parse(Buffer.from(frame.payload ?? []).toString('utf8')) as { code: number; data?: string };
        resolve(ack.data ? { code: ack.code, data: JSON.parse(Buffer.from(ack.data, 'base64').toString('utf8')) } : { code: ack.code });
      }
    });
    socket.on('close', () => {
      const i = ready.indexOf(socket);
      if (i !== -1) ready.splice(i, 1);
    });
    socket.on('error', () => {});
  });

  const gateway: FakeWsGateway = {
    get clientCount() {
      return ready.filter((s) => s.readyState === WebSocket.OPEN && !dead.has(s)).length;
    },
    received,
    endpointResponse() {
      // device_id/service_id must not come first: the SDK reads them with qs.parse(wholeUrl).
      const url = `ws://127.0.0.1:${(fake.server.address() as { port: number }).port}/ws?x=1&device_id=d1&service_id=${SERVICE_ID}`;
      return { code: 0, msg: 'ok', data: { URL: url, ClientConfig: config } };
    },
    connected(timeoutMs = 3000) {
      if (gateway.clientCount > 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no WSClient pinged within ${timeoutMs} ms`)), timeoutMs);
        readyWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    push(eventJson, opts = {}) {
      const socket = [...ready].reverse().find((s) => s.readyState === WebSocket.OPEN && !dead.has(s));
      if (!socket) return Promise.reject(new Error('push: no connected WSClient (await fake.ws.connected() first)'));
      const { fragments = 1, timeoutMs = 3000, type = 'event' } = opts;
      const messageId = randomUUID();
      const traceId = randomUUID();
      const bytes = Buffer.from(JSON.stringify(eventJson));
      const size = Math.ceil(bytes.length / fragments);
      const promise = new Promise<WsAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          pendingAcks.delete(messageId);
          reject(new Error(`push: no ack for ${messageId} within ${timeoutMs} ms`));
        }, timeoutMs);
        pendingAcks.set(messageId, (ack) => {
          clearTimeout(timer);
          // A click's answer is judged as Feishu judges it (a handler that threw acks 500).
          const eventType = (eventJson as { header?: { event_type?: string } }).header?.event_type;
          if (eventType === 'card.action.trigger' && type === 'event') fake.checkAnswer(ack.code, ack.data ?? {});
          resolve(ack);
        });
      });
      seq++;
      for (let i = 0; i < fragments; i++) {
        socket.send(encodeFrame({
          SeqID: seq, LogID: seq, service: SERVICE_ID, method: 1,
          headers: [
            { key: 'type', value: type }, { key: 'message_id', value: messageId }, { key: 'sum', value: String(fragments) },
            { key: 'seq', value: String(i) }, { key: 'trace_id', value: traceId },
          ],
          payload: bytes.subarray(i * size, (i + 1) * size),
        }));
      }
      return promise;
    },
    disconnectAll() {
      for (const s of wss.clients) s.terminate();
    },
    silence() {
      for (const s of wss.clients) dead.add(s);
    },
    close() {
      gateway.disconnectAll();
      wss.close();
    },
  };
  fake.ws = gateway;
  return gateway;
}

// Hand-written protobuf (proto2) codec for pbbp2.Frame. Fields 1-4 are `required` in the SDK's decoder, so they are
// always written, even when zero.

function varint(out: number[], value: number | bigint): void {
  let v = BigInt.asUintN(64, BigInt(value)); // negative int32 → 10-byte two's complement, like protobufjs
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
}

function lengthDelimited(out: number[], field: number, bytes: Uint8Array): void {
  varint(out, (field << 3) | 2);
  varint(out, bytes.length);
  for (const b of bytes) out.push(b);
}

/** Encode a frame byte-compatibly with the SDK's `pbbp2.Frame.encode`. */
export function encodeFrame(frame: Frame): Buffer {
  const out: number[] = [];
  const fields: Array<[number, number]> = [[1, frame.SeqID], [2, frame.LogID], [3, frame.service], [4, frame.method]];
  for (const [field, value] of fields) {
    varint(out, field << 3);
    varint(out, value);
  }
  for (const h of frame.headers) {
    const inner: number[] = [];
    lengthDelimited(inner, 1, Buffer.from(h.key));
    lengthDelimited(inner, 2, Buffer.from(h.value));
    lengthDelimited(out, 5, Uint8Array.from(inner));
  }
  if (frame.payloadEncoding !== undefined) lengthDelimited(out, 6, Buffer.from(frame.payloadEncoding));
  if (frame.payloadType !== undefined) lengthDelimited(out, 7, Buffer.from(frame.payloadType));
  if (frame.payload !== undefined) lengthDelimited(out, 8, frame.payload);
  if (frame.LogIDNew !== undefined) lengthDelimited(out, 9, Buffer.from(frame.LogIDNew));
  return Buffer.from(out);
}

/** Decode a frame sent by the SDK (`pbbp2.Frame.encode`). Unknown fields are skipped. */
export function decodeFrame(buf: Uint8Array): Frame {
  const frame: Frame = { SeqID: 0, LogID: 0, service: 0, method: 0, headers: [] };
  const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
  for (const f of readFields(buf)) {
    if (f.value !== undefined) {
      if (f.field === 1) frame.SeqID = Number(f.value);
      else if (f.field === 2) frame.LogID = Number(f.value);
      else if (f.field === 3) frame.service = Number(BigInt.asIntN(32, f.value));
      else if (f.field === 4) frame.method = Number(BigInt.asIntN(32, f.value));
    } else if (f.bytes) {
      if (f.field === 5) {
        const h = readFields(f.bytes);
        frame.headers.push({ key: text(h.find((x) => x.field === 1)?.bytes ?? new Uint8Array()), value: text(h.find((x) => x.field === 2)?.bytes ?? new Uint8Array()) });
      } else if (f.field === 6) frame.payloadEncoding = text(f.bytes);
      else if (f.field === 7) frame.payloadType = text(f.bytes);
      else if (f.field === 8) frame.payload = f.bytes;
      else if (f.field === 9) frame.LogIDNew = text(f.bytes);
    }
  }
  return frame;
}

/** Split a protobuf message into fields: varints as `value`, length-delimited as `bytes`; fixed32/64 skipped. */
function readFields(buf: Uint8Array): Array<{ field: number; value?: bigint; bytes?: Uint8Array }> {
  const fields: Array<{ field: number; value?: bigint; bytes?: Uint8Array }> = [];
  let pos = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const b = buf[pos++];
      if (b === undefined) throw new Error('truncated varint');
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return result;
    }
  };
  while (pos < buf.length) {
    const tag = Number(readVarint());
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 0) fields.push({ field, value: readVarint() });
    else if (wire === 2) {
      const len = Number(readVarint());
      if (pos + len > buf.length) throw new Error('truncated field');
      fields.push({ field, bytes: buf.subarray(pos, pos + len) });
      pos += len;
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
  return fields;
}

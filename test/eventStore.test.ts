/**
 * The inbound-event store on its own: the same behaviour from the worker-thread writer (a
 * database file) and the in-thread writer (`:memory:`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../src/db/client.js';
import { EventStore } from '../src/feishu/eventStore.js';
import { tempDbPath } from './helpers/harness.js';

const rows = (db: Db) =>
  db.$client.prepare(`SELECT event_id AS id, event_time AS time, status, error FROM processed_events ORDER BY rowid`).all() as {
    id: string;
    time: number;
    status: string;
    error: string | null;
  }[];

describe.each([
  ['worker thread (file)', () => tempDbPath()],
  ['in-thread (:memory:)', () => ':memory:'],
])('EventStore, %s', (_, makePath) => {
  let db: Db;
  let store: EventStore;
  const open = () => {
    const file = makePath();
    db = openDb(file);
    store = new EventStore(db, file);
  };
  afterEach(async () => {
    await store.close();
    closeDb(db);
  });

  it('stores a new event before resolving, and calls a second copy a duplicate', async () => {
    open();
    expect(await store.accept({ id: 'ev1', time: 1000 }, 'im.message.receive_v1', '{"a":1}', 5)).toBe('new');
    expect(rows(db)).toEqual([{ id: 'ev1', time: 1000, status: 'pending', error: null }]);
    expect(await store.accept({ id: 'ev1', time: 1000 }, 'im.message.receive_v1', '{"a":1}', 6)).toBe('duplicate');
    expect(rows(db)).toHaveLength(1);
  });

  it('answers copies racing in the same tick: one new, the rest duplicates, one row', async () => {
    open();
    const results = await Promise.all([1, 2, 3].map(() => store.accept({ id: 'race', time: 7 }, 't', '{}', 1)));
    expect(results.sort()).toEqual(['duplicate', 'duplicate', 'new']);
    expect(rows(db)).toHaveLength(1);
  });

  it('commits many events of one burst together and resolves each with its own outcome', async () => {
    open();
    await store.accept({ id: 'old', time: 1 }, 't', '{}', 1);
    const ids = Array.from({ length: 200 }, (_, i) => `burst${i}`);
    const results = await Promise.all([...ids, 'old'].map((id, i) => store.accept({ id, time: 10 + i }, 't', '{}', 2)));
    // 'old' comes back with another create_time here, so it is a different stored event.
    expect(results.filter((r) => r === 'new')).toHaveLength(201);
    expect(await store.accept({ id: 'burst5', time: 15 }, 't', '{}', 3)).toBe('duplicate');
  });

  it('marks events done or failed, and lists what is still pending', async () => {
    open();
    for (const id of ['a', 'b', 'c']) await store.accept({ id, time: 1 }, 't', `{"id":"${id}"}`, 1);
    store.markDone({ id: 'a', time: 1 }, 9);
    store.markDone({ id: 'b', time: 1 }, 9, 'boom');
    await store.flush();
    expect(rows(db).map((r) => [r.id, r.status, r.error])).toEqual([
      ['a', 'done', null],
      ['b', 'failed', 'boom'],
      ['c', 'pending', null],
    ]);
    expect(store.pending().map((p) => p.eventId)).toEqual(['c']);
    expect(store.hasPending()).toBe(true);
  });

  it('prunes old processed rows but never pending ones', async () => {
    open();
    await store.accept({ id: 'old-done', time: 1 }, 't', '{}', 100);
    await store.accept({ id: 'old-pending', time: 2 }, 't', '{}', 100);
    await store.accept({ id: 'recent', time: 3 }, 't', '{}', 10_000);
    store.markDone({ id: 'old-done', time: 1 }, 200);
    store.markDone({ id: 'recent', time: 3 }, 10_001);
    await store.flush();
    expect(store.prune(5_000)).toBe(1);
    expect(rows(db).map((r) => r.id)).toEqual(['old-pending', 'recent']);
  });

  it('rejects every waiting copy when the write fails, and works again afterwards', async () => {
    open();
    db.$client.exec(`CREATE TRIGGER refuse BEFORE INSERT ON processed_events BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const copies = [store.accept({ id: 'x', time: 1 }, 't', '{}', 1), store.accept({ id: 'x', time: 1 }, 't', '{}', 1)];
    for (const c of copies) await expect(c).rejects.toThrow(/disk full/);
    db.$client.exec(`DROP TRIGGER refuse`);
    expect(await store.accept({ id: 'x', time: 1 }, 't', '{}', 1)).toBe('new');
  });
});

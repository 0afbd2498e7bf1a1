// One batch of inbound-event writes, in one transaction. Plain CommonJS so the writer
// thread can load it without a TypeScript loader; eventWriter.ts uses it in-thread too.
'use strict';

/** @param {import('better-sqlite3').Database} sqlite */
function batchRunner(sqlite, statements) {
  const insert = sqlite.prepare(statements.insert);
  const done = sqlite.prepare(statements.done);
  const fail = sqlite.prepare(statements.fail);
  // Other writes handed to the writer (EventStore.write), prepared once per statement text.
  const prepared = new Map();
  const statement = (sql) => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = sqlite.prepare(sql)));
    return s;
  };
  return sqlite.transaction((batch) => {
    const results = [];
    for (const row of batch.inserts) results.push(insert.run(...row).changes === 1 ? 'new' : 'duplicate');
    for (const [at, time, id, error] of batch.dones) {
      if (error === null) done.run(at, time, id);
      else fail.run(at, error.slice(0, 2000), time, id);
    }
    const changes = batch.writes.map(([sql, params]) => statement(sql).run(...params).changes);
    return { results, changes };
  });
}

module.exports = { batchRunner };

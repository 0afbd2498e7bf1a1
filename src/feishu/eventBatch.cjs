// One batch of inbound-event writes, in one transaction. Plain CommonJS so the writer
// thread can load it without a TypeScript loader; eventWriter.ts uses it in-thread too.
'use strict';

/** @param {import('better-sqlite3').Database} sqlite */
function batchRunner(sqlite, statements) {
  const insert = sqlite.prepare(statements.insert);
  const done = sqlite.prepare(statements.done);
  const fail = sqlite.prepare(statements.fail);
  return sqlite.transaction((batch) => {
    const results = [];
    for (const row of batch.inserts) results.push(insert.run(...row).changes === 1 ? 'new' : 'duplicate');
    for (const [at, time, id, error] of batch.dones) {
      if (error === null) done.run(at, time, id);
      else fail.run(at, error.slice(0, 2000), time, id);
    }
    return results;
  });
}

module.exports = { batchRunner };

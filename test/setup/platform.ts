/**
 * Nothing the bot sends may be refused by the platform, nor shown wrongly: after every test
 * (and after a file's last hooks, for fakes closed in `afterAll`), each fake Open API started
 * since must have recorded no refusal and no defect (src/local/rules/). A test that triggers
 * one on purpose takes it with `fake.takeRefusals()` / `takeDefects()`.
 */
import { afterAll, afterEach } from 'vitest';
import { watchedFakes } from '../fakes/openApi.js';

function check(): void {
  const found: string[] = [];
  for (const [fake, state] of watchedFakes) {
    for (const r of fake.takeRefusals()) found.push(`refused ${r.method} ${r.path}: ${r.code} ${r.msg} [${r.rule}]`);
    for (const d of fake.takeDefects()) found.push(`defect ${d.method} ${d.where} at ${d.path}: ${d.note} [${d.rule}]`);
    if (state.closed) watchedFakes.delete(fake);
  }
  if (found.length) throw new Error(`the platform refused or would mis-render what the bot sent:\n${found.join('\n')}`);
}

afterEach(check);
afterAll(check);

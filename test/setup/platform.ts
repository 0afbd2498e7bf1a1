/**
 * Nothing the bot sends may be refused by the platform, nor shown wrongly: after every test,
 * each open fake Open API must have recorded no refusal and no defect (src/local/rules/). A
 * test that triggers one on purpose takes it with `fake.takeRefusals()` / `takeDefects()`.
 */
import { afterEach } from 'vitest';
import { liveFakes } from '../fakes/openApi.js';

afterEach(() => {
  const found: string[] = [];
  for (const fake of liveFakes) {
    for (const r of fake.takeRefusals()) found.push(`refused ${r.method} ${r.path}: ${r.code} ${r.msg} [${r.rule}]`);
    for (const d of fake.takeDefects()) found.push(`defect ${d.method} ${d.where} at ${d.path}: ${d.note} [${d.rule}]`);
  }
  if (found.length) throw new Error(`the platform refused or would mis-render what the bot sent:\n${found.join('\n')}`);
});

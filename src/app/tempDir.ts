/**
 * A fresh folder under the OS temp dir for the length of `use`, removed afterwards whatever
 * happens: Feishu uploads take a path (the upload needs a named part, FEISHU.md §2), so bytes
 * and generated files pass through one.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function withTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `cpbot-${prefix}-`));
  try {
    return await use(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

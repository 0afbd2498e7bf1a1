/**
 * `<database>.pid` while a bot has the database open, so that `npm run restore` never replaces
 * a database under a running bot. A bot killed with SIGKILL leaves the file behind; it then
 * names a process that no longer exists and counts for nothing.
 */
import fs from 'node:fs';

export const runningMarker = (databasePath: string): string => `${databasePath}.pid`;

/** Records this process as the database's bot; returns the release to call after closing it. */
export function markRunning(databasePath: string): () => void {
  if (databasePath === ':memory:') return () => {};
  const marker = runningMarker(databasePath);
  fs.writeFileSync(marker, String(process.pid));
  return () => {
    // Only our own marker: a second bot started on the same file (a mistake) keeps its own.
    if (runningPid(databasePath) === process.pid) fs.rmSync(marker, { force: true });
  };
}

/** The pid of a live process that marked the database as open, if any. */
export function runningPid(databasePath: string): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(runningMarker(databasePath), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: alive, but another user's process.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

/**
 * `server.listen` as a promise that also rejects: a port already in use is an 'error' event,
 * which without a listener crashes the process with a stack trace instead of reaching main's
 * explanation (main.ts).
 */
import type http from 'node:http';

export function listen(server: http.Server, port: number, host?: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const failed = (err: Error) => reject(err);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

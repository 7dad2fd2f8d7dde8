import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on right now (for an app, a database or a directory a test starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

import { createServer } from 'node:net';

/**
 * A loopback port nobody listens on now, picked by the OS: for a child process that must be told its port
 * before it starts (a fixed port collides with another server, or with a second one started alongside).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

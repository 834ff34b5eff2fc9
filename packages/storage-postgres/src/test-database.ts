import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Test support (not used in production): a PostgreSQL server for tests. Uses FIXLOOP_TEST_DATABASE_URL
 * when set (CI); otherwise starts a throwaway cluster from the Debian PostgreSQL 15 binaries in a temp
 * dir on a random port. The cluster runs as the `postgres` OS user because PostgreSQL refuses root.
 */
export interface TestPostgres {
  connectionString: string;
  stop(): Promise<void>;
}

const BIN = '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

/** `url`: the test database to use when one is given (tests pass FIXLOOP_TEST_DATABASE_URL). */
export async function startTestPostgres(url: string | undefined): Promise<TestPostgres> {
  if (url !== undefined && url !== '') return { connectionString: url, stop: async () => undefined };
  return startThrowawayCluster();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startThrowawayCluster(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'fixloop-pg-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  const asPostgres = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(BIN, cmd), ...args]) : run(join(BIN, cmd), args);
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const port = await freePort();
  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  await asPostgres('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', serverOptions, '-w', 'start']);
  return {
    connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

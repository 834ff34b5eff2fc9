import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';

export const SSHD_PATH = '/usr/sbin/sshd';

/** Why a real sshd cannot run here, or null when it can. */
export function sshdUnavailableReason(): string | null {
  if (!existsSync(SSHD_PATH)) return `${SSHD_PATH} is missing (apt-get install openssh-server)`;
  // Run as root, sshd insists on its privilege separation directory (the ssh service creates it).
  if (process.getuid?.() === 0 && !existsSync('/run/sshd')) {
    try {
      mkdirSync('/run/sshd', { mode: 0o755 });
    } catch (error) {
      return `/run/sshd is missing and cannot be created: ${String(error)}`;
    }
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function keygen(path: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'fixloop-test', '-f', path]);
}

/**
 * A throwaway OpenSSH server for tests: runs as the current user on 127.0.0.1 and a free port, with a
 * temp host key and a temp authorized_keys holding one fresh client key. Only public-key logins work.
 */
export class SshTestServer {
  private process: ChildProcess | null = null;
  port = 0;
  readonly user = userInfo().username;

  constructor(private readonly dir: string) {}

  get clientKeyPath(): string {
    return join(this.dir, 'client_key');
  }

  /** A known_hosts line that pins this server's host key. */
  get knownHostsLine(): string {
    const [type, key] = readFileSync(join(this.dir, 'host_key.pub'), 'utf8').trim().split(' ');
    return `[127.0.0.1]:${this.port} ${type} ${key}\n`;
  }

  async start(): Promise<this> {
    keygen(join(this.dir, 'host_key'));
    keygen(this.clientKeyPath);
    writeFileSync(join(this.dir, 'authorized_keys'), readFileSync(`${this.clientKeyPath}.pub`));
    this.port = await freePort();
    const config = [
      `ListenAddress 127.0.0.1:${this.port}`,
      `HostKey ${join(this.dir, 'host_key')}`,
      `AuthorizedKeysFile ${join(this.dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'PidFile none',
    ];
    writeFileSync(join(this.dir, 'sshd_config'), `${config.join('\n')}\n`);
    this.process = spawn(SSHD_PATH, ['-D', '-e', '-f', join(this.dir, 'sshd_config')], { stdio: 'ignore' });
    for (let tries = 0; tries < 100 && !(await accepting(this.port)); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this;
  }

  stop(): void {
    this.process?.kill('SIGTERM');
    this.process = null;
  }
}

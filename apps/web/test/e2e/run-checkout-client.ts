import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./clients/checkout-client.mjs', import.meta.url));

/** Runs the @sentry/node client against `dsn`; resolves with the id of the event it captured. */
export function runCheckoutClient(dsn: string, nonce: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, SENTRY_DSN: dsn, E2E_NONCE: nonce },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      const eventId = line ? (JSON.parse(line) as { eventId?: string }).eventId : undefined;
      if (code === 0 && eventId) resolve(eventId);
      else reject(new Error(`checkout client exited ${code}: ${stderr || stdout}`));
    });
  });
}

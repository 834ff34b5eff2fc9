import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * The script run in a child process: the real @sentry/node with local variables, ~1.5 s for the SDK's
 * inspector worker to attach (as in any running service), then the app crashes without catching it.
 */
const CRASH_SCRIPT = `
const [sentryPath, dsn, appModule, exportName, argsJson] = process.argv.slice(1);
const { createRequire } = await import('node:module');
const Sentry = createRequire(import.meta.url)(sentryPath);
Sentry.init({ dsn, includeLocalVariables: true });
await new Promise((resolve) => setTimeout(resolve, 1500));
const app = await import(appModule);
app[exportName](...JSON.parse(argsJson));
`;

/** Runs the crash and returns the event @sentry/node sent to a local HTTP server speaking the envelope endpoint. */
export async function captureSentryCrash(input: {
  sentryPath: string;
  appModuleUrl: string;
  exportName: string;
  args: unknown[];
  cwd: string;
}): Promise<Record<string, unknown>> {
  const events: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      events.push(...eventsOfEnvelope(body.toString('utf8')));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dsn = `http://publickey@127.0.0.1:${(server.address() as AddressInfo).port}/1`;
  try {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CRASH_SCRIPT, input.sentryPath, dsn, input.appModuleUrl, input.exportName, JSON.stringify(input.args)], { cwd: input.cwd, stdio: 'ignore' }); // prettier-ignore
    await new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const event = events[0];
    if (!event) throw new Error('@sentry/node sent no event');
    return event;
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Event items of an envelope: header line, then (item header, payload) pairs. */
function eventsOfEnvelope(text: string): Record<string, unknown>[] {
  const lines = text.split('\n');
  const events: Record<string, unknown>[] = [];
  for (let i = 1; i + 1 < lines.length; i += 2) {
    const header = JSON.parse(lines[i] ?? '{}') as { type?: string };
    if (header.type === 'event') events.push(JSON.parse(lines[i + 1] ?? '{}') as Record<string, unknown>);
  }
  return events;
}

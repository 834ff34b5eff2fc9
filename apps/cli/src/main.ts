import { loadClientConfig, loadConfig } from '@fixloop/config';
import type { FixloopConfig } from '@fixloop/config';
import { isAppError } from '@fixloop/core';
import { limitHeapGrowth } from './heap-growth.ts';
import { ParallelScavengeSwitch } from './parallel-scavenge-switch.ts';
import { disablePretenuring } from './pretenuring.ts';

const HELP = `Usage: fixloop <command>

Commands:
  start     Start the server (ingest, dashboard, worker) in one process
  migrate   Apply database migrations and exit
  mcp       Serve Fixloop's MCP tools over stdio for IDE agents (needs FIXLOOP_URL, FIXLOOP_TOKEN)
  investigate <issue-id|short-id> [--dry-run]
            Investigate an issue on a running Fixloop and print the report (FIXLOOP_URL, FIXLOOP_TOKEN)
  fixes list|show|approve|reject|rollback|retry|start …
            List verified fixes and act on them; \`fixes start <issue> --dry-run\` verifies and prints the
            diff without committing (FIXLOOP_URL, FIXLOOP_TOKEN; \`fixloop fixes\` for the details)
  help      Show this help

Configuration comes from the environment (PORT, HOST, DATABASE_URL, FIXLOOP_*) and an optional
fixloop.config.json / fixloop.config.yaml in the current directory (or FIXLOOP_CONFIG).`;

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

function config(): FixloopConfig {
  return loadConfig({ env: process.env, cwd: process.cwd() });
}

async function start(): Promise<void> {
  const cfg = config();
  const log = cfg.logLevel === 'silent' ? () => undefined : write;
  limitHeapGrowth();
  disablePretenuring();
  const scavenges = new ParallelScavengeSwitch();
  scavenges.start();
  // Loaded lazily so that `fixloop --help` and config errors stay fast.
  const { startFixloop } = await import('@fixloop/server');
  const running = await startFixloop(cfg, { log });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      write(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    write(`${signal} received: finishing queued writes and stopping`);
    scavenges.stop();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function migrate(): Promise<void> {
  const { openStorage } = await import('@fixloop/server');
  const storage = await openStorage(config().database);
  await storage.close();
  write('migrations applied');
}

/** stdio MCP server for IDE agents; it talks to a running Fixloop through the Web API. */
async function mcp(): Promise<void> {
  const { url, token } = loadClientConfig(process.env);
  const { createFixloopMcpServer } = await import('@fixloop/mcp');
  const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
  await createFixloopMcpServer({ baseUrl: url, token }).connect(new StdioServerTransport());
}

async function investigate(argv: string[]): Promise<void> {
  const { investigateCommand, parseInvestigateArgs } = await import('./investigate-command.ts');
  const args = parseInvestigateArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = await investigateCommand(loadClientConfig(process.env), args, write);
}

async function fixes(argv: string[]): Promise<void> {
  const { fixesCommand, parseFixesArgs } = await import('./fixes-command.ts');
  const args = parseFixesArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = await fixesCommand(loadClientConfig(process.env), args, write);
}

async function main(argv: string[]): Promise<void> {
  const command = argv[0] ?? 'help';
  if (command === 'start') return start();
  if (command === 'migrate') return migrate();
  if (command === 'mcp') return mcp();
  if (command === 'investigate') return investigate(argv.slice(1));
  if (command === 'fixes') return fixes(argv.slice(1));
  if (command === 'help' || command === '--help' || command === '-h') return write(HELP);
  process.stderr.write(`unknown command '${command}'\n\n${HELP}\n`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // Configuration mistakes are the user's to fix: show the message, not a stack trace.
  if ((error as { name?: unknown } | null)?.name === 'FixloopApiError') {
    process.stderr.write(`fixloop: ${(error as Error).message}\n`);
  } else if (isAppError(error) && error.code === 'config_invalid') {
    process.stderr.write(`fixloop: invalid configuration: ${error.message}\n`);
  } else if (error instanceof TypeError && error.message === 'fetch failed') {
    // The client commands' server is down or FIXLOOP_URL is wrong: say so, not where fetch failed.
    const cause = (error.cause as Error | undefined)?.message ?? 'no answer';
    process.stderr.write(
      `fixloop: cannot reach Fixloop at ${process.env['FIXLOOP_URL'] ?? 'FIXLOOP_URL'}: ${cause}\n`,
    );
  } else {
    process.stderr.write(
      `fixloop: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});

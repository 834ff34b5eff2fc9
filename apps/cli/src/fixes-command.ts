import { FixloopApiClient, FixloopApiError } from '@fixloop/mcp';
import type { ClientConfig } from '@fixloop/config';
import { formatFix, formatFixLine, type FixJson } from './format-fix.ts';
import { resolveIssueId } from './investigate-command.ts';

const ACTIONS = ['list', 'show', 'approve', 'reject', 'rollback', 'retry', 'start'] as const;
type FixesAction = (typeof ACTIONS)[number];

export interface FixesArgs {
  action: FixesAction;
  /** The fix id (show, approve, reject, rollback, retry), the issue (start) or the organization (list). */
  target: string;
  status: string | null;
  project: string | null;
  reason: string | null;
  dryRun: boolean;
  timeoutSeconds: number;
}

export const FIXES_USAGE = `usage: fixloop fixes list [<org>] [--status <s,...>] [--project <slug>]
       fixloop fixes show|approve|retry <fix-id>
       fixloop fixes reject <fix-id> --reason <text>
       fixloop fixes rollback <fix-id> [--reason <text>]
       fixloop fixes start <issue-id|short-id> [--dry-run] [--timeout <seconds>]`;

const ACTIVE = ['pending', 'reproducing', 'generating', 'verifying'];

/** Parses `fixloop fixes …`; a string is the error to print. */
export function parseFixesArgs(argv: string[]): FixesArgs | string {
  const [action, ...rest] = argv;
  if (!ACTIONS.includes(action as FixesAction)) return FIXES_USAGE;
  const args: FixesArgs = { action: action as FixesAction, target: '', status: null, project: null, reason: null, dryRun: false, timeoutSeconds: 300 }; // prettier-ignore
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] ?? '';
    const value = (): string => rest[(i += 1)] ?? '';
    if (arg === '--dry-run' && args.action === 'start') args.dryRun = true;
    else if (arg === '--status' && args.action === 'list') args.status = value();
    else if (arg === '--project' && args.action === 'list') args.project = value();
    else if (arg === '--reason' && (args.action === 'reject' || args.action === 'rollback'))
      args.reason = value();
    else if (arg === '--timeout' && args.action === 'start') {
      args.timeoutSeconds = Number(value());
      if (!Number.isFinite(args.timeoutSeconds) || args.timeoutSeconds <= 0)
        return '--timeout must be a positive number of seconds';
    } else if (arg.startsWith('--') || args.target !== '') return `${FIXES_USAGE}\n(unexpected "${arg}")`;
    else args.target = arg;
  }
  if (args.action !== 'list' && args.target === '') return FIXES_USAGE;
  if (args.action !== 'list' && args.action !== 'start' && !/^\d+$/.test(args.target))
    return `the fix id must be a number, not "${args.target}"`;
  if (args.action === 'reject' && !args.reason?.trim()) return 'a rejection needs --reason <text>';
  return args;
}

/** Lists, shows and acts on fix attempts through the Web API; returns the exit code. */
export async function fixesCommand(
  config: ClientConfig,
  args: FixesArgs,
  write: (text: string) => void,
): Promise<number> {
  const api = new FixloopApiClient({ baseUrl: config.url, token: config.token });
  const fix = `/api/0/fixes/${args.target}/`;
  switch (args.action) {
    case 'list': {
      const org = args.target || (await firstOrganization(api));
      const fixes = await api.get<FixJson[]>(`/api/0/organizations/${org}/fixes/`, {
        status: args.status ?? undefined,
        project: args.project ?? undefined,
      });
      if (fixes.length === 0) write('no fixes');
      for (const one of fixes) write(formatFixLine(one));
      return 0;
    }
    case 'show':
      write(formatFix(await api.get<FixJson>(fix)));
      return 0;
    case 'approve':
    case 'retry':
      write(formatFixLine(await api.post<FixJson>(`${fix}${args.action}/`, {})));
      return 0;
    case 'reject':
    case 'rollback':
      write(formatFixLine(await api.post<FixJson>(`${fix}${args.action}/`, args.reason ? { reason: args.reason } : {}))); // prettier-ignore
      return 0;
    case 'start':
      return start(api, args, write);
  }
}

/** Starts an attempt (or a dry run) and waits for its outcome, then prints it with its diff. */
async function start(api: FixloopApiClient, args: FixesArgs, write: (text: string) => void): Promise<number> {
  const issueId = await resolveIssueId(api, args.target);
  let attempt = await api.post<FixJson>(`/api/0/issues/${issueId}/autofix/`, { dryRun: args.dryRun });
  const deadline = Date.now() + args.timeoutSeconds * 1000;
  while (ACTIVE.includes(attempt.status)) {
    if (Date.now() > deadline) {
      write(`fix ${attempt.id} is still ${attempt.status}; see fixloop fixes show ${attempt.id}`);
      return 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    attempt = await api.get<FixJson>(`/api/0/fixes/${attempt.id}/`);
  }
  write(formatFix(attempt));
  return attempt.status === 'failed' ? 1 : 0;
}

async function firstOrganization(api: FixloopApiClient): Promise<string> {
  const organizations = await api.get<{ slug: string }[]>('/api/0/organizations/');
  const first = organizations[0];
  if (first === undefined) throw new FixloopApiError(404, 'this token sees no organization');
  return first.slug;
}

import { FixloopApiClient, FixloopApiError } from '@fixloop/mcp';
import type { ClientConfig } from '@fixloop/config';

interface InvestigationJson {
  id: string;
  status: string;
  markdown: string | null;
  error: string | null;
}

export interface InvestigateArgs {
  issue: string;
  dryRun: boolean;
  timeoutSeconds: number;
}

const USAGE = 'usage: fixloop investigate <issue-id|short-id> [--dry-run] [--timeout <seconds>]';

/** `fixloop investigate <issue-id|short-id> [--dry-run] [--timeout <s>]`; a string is the error. */
export function parseInvestigateArgs(argv: string[]): InvestigateArgs | string {
  const args: InvestigateArgs = { issue: '', dryRun: false, timeoutSeconds: 120 };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--timeout') {
      args.timeoutSeconds = Number(argv[(i += 1)]);
      if (!Number.isFinite(args.timeoutSeconds) || args.timeoutSeconds <= 0)
        return '--timeout must be a positive number of seconds';
    } else if (arg.startsWith('--') || args.issue !== '') return `${USAGE} (unexpected "${arg}")`;
    else args.issue = arg;
  }
  return args.issue === '' ? USAGE : args;
}

/**
 * Investigates an issue through the Web API and prints the report's markdown: with --dry-run what would
 * be posted, otherwise the stored report once the job finished.
 */
export async function investigateCommand(
  config: ClientConfig,
  args: InvestigateArgs,
  write: (text: string) => void,
): Promise<number> {
  const api = new FixloopApiClient({ baseUrl: config.url, token: config.token });
  const issueId = await resolveIssueId(api, args.issue);
  if (args.dryRun) {
    const preview = await api.post<{ markdown: string }>(`/api/0/issues/${issueId}/investigate/`, {
      dryRun: true,
    });
    write(preview.markdown);
    return 0;
  }
  let investigation = await api.post<InvestigationJson>(`/api/0/issues/${issueId}/investigate/`, {});
  const deadline = Date.now() + args.timeoutSeconds * 1000;
  while (investigation.status === 'pending' || investigation.status === 'running') {
    if (Date.now() > deadline) {
      write(
        `investigation ${investigation.id} is still ${investigation.status}; see /api/0/investigations/${investigation.id}/`,
      );
      return 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    investigation = await api.get<InvestigationJson>(`/api/0/investigations/${investigation.id}/`);
  }
  if (investigation.status === 'failed') {
    write(`investigation ${investigation.id} failed: ${investigation.error ?? 'unknown error'}`);
    return 1;
  }
  write(investigation.markdown ?? '');
  return 0;
}

/** A numeric id as is; a short id (`SHOP-12`) through Sentry's shortIdLookup in each organization. */
export async function resolveIssueId(api: FixloopApiClient, issue: string): Promise<string> {
  if (/^\d+$/.test(issue)) return issue;
  const organizations = await api.get<{ slug: string }[]>('/api/0/organizations/');
  for (const { slug } of organizations) {
    const found = await api.get<{ id: string; shortId: string }[]>(`/api/0/organizations/${slug}/issues/`, {
      query: issue,
      shortIdLookup: '1',
    });
    const match = found.find((i) => i.shortId.toUpperCase() === issue.toUpperCase());
    if (match !== undefined) return match.id;
  }
  throw new FixloopApiError(404, `no issue ${issue} in the organizations this token can see`);
}

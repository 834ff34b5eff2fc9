import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { FixloopApiError } from './fixloop-api-client.ts';
import type { FixloopApiClient } from './fixloop-api-client.ts';
import { summarizeEvent, summarizeIssue } from './summarize-for-agent.ts';

type ToolResult = { content: { type: 'text'; text: string }[]; isError?: boolean };

/** Tool answers are JSON text: agents read it directly, and errors say what went wrong. */
async function answer(work: () => Promise<unknown>): Promise<ToolResult> {
  try {
    return { content: [{ type: 'text', text: JSON.stringify(await work(), null, 2) }] };
  } catch (error) {
    const text =
      error instanceof FixloopApiError ? error.message : `Fixloop request failed: ${String(error)}`;
    return { content: [{ type: 'text', text }], isError: true };
  }
}

const issueId = z.string().regex(/^\d+$/, 'a numeric issue id').describe('Fixloop issue id');

export function registerFixloopTools(server: McpServer, api: FixloopApiClient): void {
  server.registerTool(
    'list_issues',
    {
      description: 'List issues with Sentry search syntax (default "is:unresolved"), newest activity first.',
      inputSchema: {
        organization: z.string().optional().describe('Organization slug (default: the first one)'),
        query: z.string().optional().describe('e.g. "is:unresolved level:error error.type:TypeError"'),
        sort: z.enum(['date', 'new', 'freq', 'user']).optional(),
        limit: z.number().int().min(1).max(100).optional(),
      },
    },
    ({ organization, query, sort, limit }) =>
      answer(async () => {
        const org = organization ?? (await firstOrganization(api));
        const issues = await api.get<Record<string, unknown>[]>(`/api/0/organizations/${org}/issues/`, {
          query: query ?? 'is:unresolved',
          sort,
          limit: String(limit ?? 25),
        });
        return issues.map(summarizeIssue);
      }),
  );
  server.registerTool(
    'get_issue',
    {
      description: 'One issue with its counts, status, severity and tags.',
      inputSchema: { issue_id: issueId },
    },
    ({ issue_id }) => answer(async () => summarizeIssue(await api.get(`/api/0/issues/${issue_id}/`))),
  );
  server.registerTool(
    'get_latest_event',
    {
      description: 'The latest event of an issue: exception, in-app stack frames with code, tags, request.',
      inputSchema: { issue_id: issueId },
    },
    ({ issue_id }) =>
      answer(async () => summarizeEvent(await api.get(`/api/0/issues/${issue_id}/events/latest/`))),
  );
  server.registerTool(
    'get_event_timeline',
    {
      description: 'What happened before an error: navigation, clicks, network, console and backend entries.',
      inputSchema: {
        organization: z.string(),
        project: z.string(),
        event_id: z.string().regex(/^[0-9a-f]{32}$/),
      },
    },
    ({ organization, project, event_id }) =>
      answer(() => api.get(`/api/0/projects/${organization}/${project}/events/${event_id}/timeline/`)),
  );
  registerInvestigationTools(server, api);
}

function registerInvestigationTools(server: McpServer, api: FixloopApiClient): void {
  server.registerTool(
    'list_investigations',
    { description: "An issue's investigation reports, newest first.", inputSchema: { issue_id: issueId } },
    ({ issue_id }) => answer(() => api.get(`/api/0/issues/${issue_id}/investigations/`)),
  );
  server.registerTool(
    'investigate_issue',
    {
      description:
        'Start (or re-run) the investigation of an issue: culprit code, suspect commits, similar issues, runbooks.',
      inputSchema: {
        issue_id: issueId,
        dry_run: z.boolean().optional().describe('Report without posting a comment'),
      },
    },
    ({ issue_id, dry_run }) =>
      answer(() => api.post(`/api/0/issues/${issue_id}/investigate/`, { dryRun: dry_run ?? false })),
  );
}

async function firstOrganization(api: FixloopApiClient): Promise<string> {
  const organizations = await api.get<{ slug: string }[]>('/api/0/organizations/');
  const first = organizations[0];
  if (first === undefined) throw new FixloopApiError(404, 'this token belongs to no organization');
  return first.slug;
}

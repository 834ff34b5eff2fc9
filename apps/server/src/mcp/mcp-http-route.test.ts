import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEvent, newEventId, startTestFixloop } from '../testing/test-fixloop.ts';
import type { TestFixloop } from '../testing/test-fixloop.ts';

const TOKEN = 'mcp-admin-token-0123456789';
const CLI = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../cli/bin/fixloop.js');

type TextContent = { type: string; text: string }[];

function toolJson(result: Awaited<ReturnType<Client['callTool']>>): unknown {
  expect(result.isError ?? false).toBe(false);
  return JSON.parse((result.content as TextContent)[0]?.text ?? 'null');
}

describe('MCP server for IDE agents', () => {
  let t: TestFixloop;
  let eventId: string;
  beforeAll(async () => {
    t = await startTestFixloop({ env: { FIXLOOP_ADMIN_TOKEN: TOKEN } });
    eventId = newEventId();
    const stored = await fetch(t.url(`/api/${t.projectId}/store/?sentry_key=${t.key}&sentry_version=7`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(errorEvent(eventId, 'cart total is undefined')),
    });
    expect(stored.status).toBe(200);
  });
  afterAll(() => t.stop());

  async function httpClient(token: string): Promise<Client> {
    const client = new Client({ name: 'test', version: '1' });
    const transport = new StreamableHTTPClientTransport(new URL(t.url('/api/mcp')), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    });
    await client.connect(transport);
    return client;
  }

  it('over HTTP lists the tools and answers them with live data', async () => {
    const client = await httpClient(TOKEN);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'get_event_timeline',
      'get_issue',
      'get_latest_event',
      'investigate_issue',
      'list_investigations',
      'list_issues',
    ]);
    const issues = toolJson(
      await client.callTool({ name: 'list_issues', arguments: { query: 'is:unresolved' } }),
    ) as { id: string; title: string }[];
    expect(issues).toHaveLength(1);
    expect(issues[0]?.title).toContain('cart total is undefined');
    const event = toolJson(
      await client.callTool({ name: 'get_latest_event', arguments: { issue_id: issues[0]?.id } }),
    ) as {
      eventID: string;
      exceptions: { type: string; frames: { function: string }[] }[];
    };
    expect(event.eventID).toBe(eventId);
    expect(event.exceptions[0]?.type).toBe('TypeError');
    expect(event.exceptions[0]?.frames[0]?.function).toBe('pay');
    await client.close();
  });

  it('reports API errors as tool errors, not crashes', async () => {
    const client = await httpClient(TOKEN);
    const result = await client.callTool({ name: 'get_issue', arguments: { issue_id: '999999' } });
    expect(result.isError).toBe(true);
    expect((result.content as TextContent)[0]?.text).toMatch(/404/);
    await client.close();
  });

  it('refuses callers without a valid token', async () => {
    const response = await fetch(t.url('/api/mcp'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: 'Bearer nope',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/API token/);
  });

  it('over stdio (`fixloop mcp`) answers through the Web API of a running server', async () => {
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [CLI, 'mcp'],
        env: { PATH: process.env['PATH'] ?? '', FIXLOOP_URL: t.fixloop.url, FIXLOOP_TOKEN: TOKEN },
        stderr: 'pipe',
      }),
    );
    const issues = toolJson(await client.callTool({ name: 'list_issues', arguments: {} })) as {
      shortId: string;
    }[];
    expect(issues[0]?.shortId).toMatch(/^[A-Z0-9]+-1$/);
    await client.close();
  });
});

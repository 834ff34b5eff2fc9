import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeReply } from './fake-llm-reply.ts';
import { FakeLlmServer } from './fake-llm-server.ts';

describe('FakeLlmServer', () => {
  let server: FakeLlmServer;
  beforeEach(async () => {
    server = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  const post = (path: string, body: unknown) =>
    fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'k' },
      body: JSON.stringify(body),
    });

  it('replays the script in order across both wire formats and records every request', async () => {
    server.script(fakeReply.text('hi'), fakeReply.json({ a: 1 }));
    const openai = await (await post('/chat/completions', { model: 'm', messages: [] })).json();
    const anthropic = await (await post('/messages', { model: 'c', messages: [] })).json();
    expect(openai).toMatchObject({ choices: [{ message: { content: 'hi' }, finish_reason: 'stop' }] });
    expect(anthropic).toMatchObject({
      content: [{ type: 'text', text: '{"a":1}' }],
      usage: { input_tokens: 100 },
    });
    expect(server.requests.map((r) => [r.format, r.body.model, r.headers['x-api-key']])).toEqual([
      ['openai-chat', 'm', 'k'],
      ['anthropic-messages', 'c', 'k'],
    ]);
    expect(server.remaining).toBe(0);
  });

  it('answers a forced OpenAI function with a tool call', async () => {
    server.script(fakeReply.json({ a: 1 }));
    const tools = [{ type: 'function', function: { name: 'emit' } }];
    const body: unknown = await (await post('/chat/completions', { tools, tool_choice: 'required' })).json();
    expect(body).toMatchObject({
      choices: [
        {
          finish_reason: 'tool_calls',
          message: { tool_calls: [{ function: { name: 'emit', arguments: '{"a":1}' } }] },
        },
      ],
    });
  });

  it('sends errors in each vendor format, and says when the script is empty or the route unknown', async () => {
    server.script(fakeReply.error(429, { headers: { 'retry-after': '1' } }), fakeReply.error(529));
    const limited = await post('/chat/completions', {});
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1']);
    expect(await limited.json()).toMatchObject({ error: { type: 'rate_limit_exceeded' } });
    expect(await (await post('/messages', {})).json()).toMatchObject({ error: { type: 'overloaded_error' } });
    const empty = await post('/messages', {});
    expect(empty.status).toBe(500);
    expect(await empty.json()).toMatchObject({ error: { message: 'fake LLM server: the script is empty' } });
    expect((await post('/embeddings', {})).status).toBe(404);
    expect((await post('/messages', { stream: true })).status).toBe(400);
  });

  it('delays a reply, and drops it when the client gives up first', async () => {
    server.script(fakeReply.text('late', { delayMs: 100 }), fakeReply.text('too late', { delayMs: 5_000 }));
    const started = Date.now();
    expect(await (await post('/chat/completions', {})).json()).toMatchObject({
      choices: [{ message: { content: 'late' } }],
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    const aborted = fetch(`${server.baseUrl}/chat/completions`, {
      method: 'POST',
      body: '{}',
      signal: AbortSignal.timeout(50),
    });
    await expect(aborted).rejects.toThrow();
    expect(server.requests).toHaveLength(2);
  });
});

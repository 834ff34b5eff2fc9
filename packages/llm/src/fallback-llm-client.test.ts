import { defineOutputSchema, fixedClock } from '@fixloop/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FallbackLlmClient, type FallbackLlmClientOptions } from './fallback-llm-client.ts';
import { InMemoryLlmUsageLedger } from './in-memory-llm-usage-ledger.ts';
import { llmConfigSchema } from './llm-config-schema.ts';
import { fakeReply, FakeLlmServer } from './testing/index.ts';

const base = { projectId: 7, purpose: 'test', prompt: 'Hi' };
const costly = { usage: { promptTokens: 1_000_000, completionTokens: 0 } };
const prices = { 'gpt-4o': { inputPerMillionUsd: 1, outputPerMillionUsd: 1 } };
const verdict = defineOutputSchema<{ verdict: string }>({
  jsonSchema: { type: 'object', properties: { verdict: { type: 'string' } }, required: ['verdict'] },
  check: (v) =>
    typeof (v as { verdict?: unknown } | null)?.verdict === 'string'
      ? { ok: true, value: v as { verdict: string } }
      : { ok: false, error: 'verdict must be a string' },
});

describe('FallbackLlmClient', () => {
  let primary: FakeLlmServer;
  let fallback: FakeLlmServer;
  let ledger: InMemoryLlmUsageLedger;
  let sleeps: number[];
  const clock = fixedClock(new Date('2026-05-10T12:00:00Z'));

  beforeEach(async () => {
    [primary, fallback] = await Promise.all([FakeLlmServer.start(), FakeLlmServer.start()]);
    ledger = new InMemoryLlmUsageLedger();
    sleeps = [];
  });
  afterEach(async () => {
    await Promise.all([primary.close(), fallback.close()]);
  });

  const client = (options: Partial<FallbackLlmClientOptions> = {}) =>
    new FallbackLlmClient({
      chain: [
        { provider: 'openai', model: 'gpt-4o', apiKey: 'k', baseUrl: primary.baseUrl },
        { provider: 'openai-compatible', name: 'ollama', model: 'llama3', baseUrl: fallback.baseUrl },
      ],
      ledger,
      clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.advance(ms);
      },
      random: () => 0.5,
      ...options,
    });

  it('retries 503s with growing delays, then falls through to the next provider', async () => {
    primary.script(fakeReply.error(503), fakeReply.error(503), fakeReply.error(503));
    fallback.script(fakeReply.text('backup'));
    const result = await client({ maxRetries: 2 }).generateText(base);
    expect(result).toMatchObject({ ok: true, value: 'backup', usage: { provider: 'ollama', costUsd: 0 } });
    expect(sleeps).toEqual([375, 750]);
    expect(result.attempts.map((a) => `${a.provider}:${a.outcome}`)).toEqual([
      'openai:server_error',
      'openai:server_error',
      'openai:server_error',
      'ollama:ok',
    ]);
  });

  it("honours a 429's Retry-After", async () => {
    primary.script(fakeReply.error(429, { headers: { 'retry-after': '3' } }), fakeReply.text('ok'));
    expect((await client().generateText(base)).ok).toBe(true);
    expect(sleeps).toEqual([3000]);
  });

  it('treats a refused connection as a network error worth retrying', async () => {
    const dead = await FakeLlmServer.start();
    await dead.close();
    fallback.script(fakeReply.text('backup'));
    const chain = [
      { provider: 'openai' as const, model: 'gpt-4o', apiKey: 'k', baseUrl: dead.baseUrl },
      { provider: 'openai-compatible' as const, model: 'llama3', baseUrl: fallback.baseUrl },
    ];
    const result = await client({ chain, maxRetries: 1 }).generateText(base);
    expect(result.attempts.map((a) => a.outcome)).toEqual(['network_error', 'network_error', 'ok']);
  });

  it('reports all_providers_failed with every attempt when the whole chain is down', async () => {
    primary.script(fakeReply.error(500));
    fallback.script(fakeReply.error(502, { message: 'bad gateway' }));
    const result = await client({ maxRetries: 0 }).generateText(base);
    expect(result).toMatchObject({ ok: false, reason: 'all_providers_failed', usage: null });
    expect(result.attempts).toHaveLength(2);
    expect(!result.ok && result.message).toMatch(/ollama\/llama3: HTTP 502: bad gateway/);
  });

  it('waits for the local rate limit when a token frees up within the timeout', async () => {
    primary.script(fakeReply.text('one'), fakeReply.text('two'));
    const llm = client({ requestsPerMinute: 1, timeoutMs: 120_000 });
    await llm.generateText(base);
    expect((await llm.generateText(base)).ok).toBe(true);
    expect(sleeps).toEqual([60_000]);
    expect(primary.requests).toHaveLength(2);
  });

  it('moves on to the next provider when its rate limit would outlast the timeout', async () => {
    primary.script(fakeReply.text('one'));
    fallback.script(fakeReply.text('two'));
    const llm = client({ requestsPerMinute: 1, timeoutMs: 5_000 });
    await llm.generateText(base);
    const second = await llm.generateText(base);
    expect(second).toMatchObject({ ok: true, value: 'two' });
    expect(second.attempts[0]).toMatchObject({ provider: 'openai', outcome: 'rate_limited' });
    expect(primary.requests).toHaveLength(1);
  });

  it('skips the repair turn when the invalid answer used up the budget', async () => {
    primary.script(fakeReply.json({ verdict: 1 }, costly));
    const result = await client({ prices, monthlyBudgetUsd: 0.5 }).generateObject({
      ...base,
      schema: verdict,
    });
    expect(result).toMatchObject({ ok: false, reason: 'invalid_output', usage: { costUsd: 1 } });
    expect(!result.ok && result.message).toMatch(/No repair attempt: monthly LLM budget/);
    expect(primary.requests).toHaveLength(1);
  });

  it("applies a project's own budget over the default", async () => {
    primary.script(fakeReply.text('a', costly), fakeReply.text('b', costly));
    const llm = client({
      prices,
      monthlyBudgetUsd: 100,
      budgetForProject: (id) => (id === 7 ? 1 : undefined),
    });
    await llm.generateText(base);
    expect(await llm.generateText(base)).toMatchObject({ reason: 'budget_exhausted' });
    expect(await llm.generateText({ ...base, projectId: 8 })).toMatchObject({ ok: true, value: 'b' });
  });

  it('accepts a schema written without zod', async () => {
    primary.script(fakeReply.json({ verdict: 'flaky test' }));
    const result = await client().generateObject({ ...base, schema: verdict, schemaName: 'verdict' });
    expect(result).toMatchObject({ ok: true, value: { verdict: 'flaky test' } });
    expect(primary.requests[0]?.body.response_format).toMatchObject({ json_schema: { name: 'verdict' } });
  });

  it('is built from the parsed config section', async () => {
    fallback.script(fakeReply.text('configured'));
    const config = llmConfigSchema.parse({
      enabled: true,
      chain: [{ provider: 'openai-compatible', name: 'vllm', model: 'qwen', baseUrl: fallback.baseUrl }],
    });
    const result = await FallbackLlmClient.fromConfig(config, { ledger }).generateText(base);
    expect(result).toMatchObject({
      ok: true,
      value: 'configured',
      usage: { provider: 'vllm', model: 'qwen' },
    });
    expect(ledger.entries).toHaveLength(1);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FallbackLlmClient } from './fallback-llm-client.ts';
import { InMemoryLlmUsageLedger } from './in-memory-llm-usage-ledger.ts';
import type { LlmProviderConfig } from './llm-config-schema.ts';
import { fakeReply, FakeLlmServer } from './testing/index.ts';

const schema = z.object({ culprit: z.string(), lines: z.array(z.number()).optional() });
const base = { projectId: 1, purpose: 'wire', prompt: 'Where?' };

/** What each provider really puts on the wire, as the fake server received it. */
describe('createLanguageModel on the wire', () => {
  let server: FakeLlmServer;
  beforeEach(async () => {
    server = await FakeLlmServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  const ask = async (makeConfig: (baseUrl: string) => LlmProviderConfig) => {
    server.script(fakeReply.json({ culprit: 'cart.ts' }));
    const chain = [makeConfig(server.baseUrl)];
    const llm = new FallbackLlmClient({ chain, ledger: new InMemoryLlmUsageLedger(), maxRetries: 0 });
    const result = await llm.generateObject({ ...base, system: 'Be brief.', schema, schemaName: 'culprit' });
    expect(result).toMatchObject({ ok: true, value: { culprit: 'cart.ts' } });
    const request = server.requests.at(-1);
    if (!request) throw new Error('no request reached the fake');
    return request;
  };

  it('Anthropic, recent model: Messages API with output_config.format and x-api-key', async () => {
    const request = await ask((baseUrl) => ({
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
      apiKey: 'ak',
      headers: { 'x-team': 'sre' },
      baseUrl,
    }));
    expect(request.path).toBe('/v1/messages');
    expect(request.headers).toMatchObject({
      'x-api-key': 'ak',
      'anthropic-version': '2023-06-01',
      'x-team': 'sre',
    });
    expect(request.body).toMatchObject({
      model: 'claude-sonnet-4-5',
      max_tokens: 4096,
      system: [{ type: 'text', text: 'Be brief.' }],
      output_config: { format: { type: 'json_schema', schema: { required: ['culprit'] } } },
    });
  });

  it('Anthropic, older model: a forced "json" tool, answered with tool_use', async () => {
    const request = await ask((baseUrl) => ({
      provider: 'anthropic',
      model: 'claude-3-haiku-20240307',
      apiKey: 'ak',
      baseUrl,
    }));
    expect(request.body).toMatchObject({
      tools: [{ name: 'json', input_schema: { required: ['culprit'] } }],
      tool_choice: { type: 'any' },
    });
  });

  it('OpenAI: Chat Completions with a non-strict json_schema response_format and a bearer key', async () => {
    const request = await ask((baseUrl) => ({
      provider: 'openai',
      model: 'gpt-4o-mini',
      apiKey: 'ok',
      baseUrl,
    }));
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer ok');
    expect(request.body).toMatchObject({
      model: 'gpt-4o-mini',
      max_tokens: 4096,
      response_format: { type: 'json_schema', json_schema: { name: 'culprit', strict: false } },
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Where?' },
      ],
    });
  });

  it('OpenAI-compatible without structured outputs: json_object, the schema in the system prompt, no key', async () => {
    const request = await ask((baseUrl) => ({
      provider: 'openai-compatible',
      model: 'llama3.1:8b',
      baseUrl,
    }));
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body.response_format).toEqual({ type: 'json_object' });
    const system = (request.body.messages as Array<{ role: string; content: string }>)[0];
    expect(system?.content).toMatch(/^Be brief\.\n\nAnswer with a single JSON value named "culprit"/);
    expect(system?.content).toContain('"required":["culprit"]');
  });

  it('OpenAI-compatible with structured outputs: the schema as response_format', async () => {
    const request = await ask((baseUrl) => ({
      provider: 'openai-compatible',
      model: 'qwen',
      apiKey: 'gw',
      structuredOutputs: true,
      baseUrl,
    }));
    expect(request.headers.authorization).toBe('Bearer gw');
    expect(request.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'culprit' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { llmConfigSchema } from './llm-config-schema.ts';

describe('llmConfigSchema', () => {
  it('defaults to disabled with a budget and conservative limits', () => {
    expect(llmConfigSchema.parse({})).toEqual({
      enabled: false,
      chain: [],
      timeoutMs: 60_000,
      maxRetries: 2,
      requestsPerMinute: 50,
      monthlyBudgetUsd: 10,
      prices: {},
    });
  });

  it('accepts a chain of providers, primary first', () => {
    const config = llmConfigSchema.parse({
      enabled: true,
      chain: [
        { provider: 'anthropic', model: 'claude-sonnet-4-5', apiKey: 'sk-ant-x' },
        { provider: 'openai', model: 'gpt-4.1-mini', apiKey: 'sk-x', baseUrl: 'https://gateway.corp/v1' },
        {
          provider: 'openai-compatible',
          name: 'ollama',
          model: 'qwen2.5-coder:7b',
          baseUrl: 'http://localhost:11434/v1',
        },
      ],
      monthlyBudgetUsd: null,
      prices: { 'qwen2.5-coder': { inputPerMillionUsd: 0, outputPerMillionUsd: 0 } },
    });
    expect(config.chain.map((c) => c.provider)).toEqual(['anthropic', 'openai', 'openai-compatible']);
    expect(config.monthlyBudgetUsd).toBeNull();
  });

  it('rejects an enabled LLM without providers, missing keys, unknown fields and bad URLs', () => {
    const issues = (input: unknown) =>
      llmConfigSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues({ enabled: true })).toEqual(['chain: an enabled LLM needs at least one provider']);
    expect(issues({ chain: [{ provider: 'openai', model: 'gpt-4o' }] })).toEqual([
      expect.stringMatching(/^chain\.0\.apiKey: /),
    ]);
    expect(issues({ chain: [{ provider: 'openai-compatible', model: 'm' }] })).toEqual([
      expect.stringMatching(/^chain\.0\.baseUrl: /),
    ]);
    expect(issues({ chain: [{ provider: 'openai-compatible', model: 'm', baseUrl: 'ftp://x' }] })).toEqual([
      'chain.0.baseUrl: must be an http(s) URL',
    ]);
    expect(issues({ timeout: 5 })).toEqual([expect.stringMatching(/timeout/)]);
  });
});

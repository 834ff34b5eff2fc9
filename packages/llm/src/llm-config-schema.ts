import { z } from 'zod';

const positiveInt = z.number().int({ error: 'must be an integer' }).positive({ error: 'must be positive' });
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const model = z.string().min(1, { error: 'must name a model' });

const common = {
  model,
  /** A label for usage, the ledger and price keys ("provider:model"); defaults to the provider kind. */
  name: z.string().min(1).optional(),
  /** Overrides the chain-wide timeout for this entry (a slow local model, say). */
  timeoutMs: positiveInt.optional(),
  /** Extra HTTP headers, e.g. for a company gateway. */
  headers: z.record(z.string(), z.string()).optional(),
};

/** One entry of the fallback chain. Switching vendor or model is a change here, never in code. */
export const llmProviderSchema = z.discriminatedUnion('provider', [
  z.strictObject({
    provider: z.literal('anthropic'),
    apiKey: z.string().min(1, { error: 'an Anthropic API key is required' }),
    baseUrl: url.optional(),
    ...common,
  }),
  z.strictObject({
    provider: z.literal('openai'),
    apiKey: z.string().min(1, { error: 'an OpenAI API key is required' }),
    baseUrl: url.optional(),
    ...common,
  }),
  z.strictObject({
    provider: z.literal('openai-compatible'),
    /** Ollama: http://localhost:11434/v1, vLLM: http://host:8000/v1, llama.cpp: http://host:8080/v1. */
    baseUrl: url,
    apiKey: z.string().min(1).optional(),
    /** Send the JSON Schema as `response_format` (vLLM, recent Ollama and llama.cpp support it). */
    structuredOutputs: z.boolean().optional(),
    ...common,
  }),
]);

const priceSchema = z.strictObject({
  inputPerMillionUsd: z.number().nonnegative(),
  outputPerMillionUsd: z.number().nonnegative(),
});

/** The `llm` section of the config. packages/config embeds it; this package only exports it. */
export const llmConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    /** Primary first, then fallbacks in order. */
    chain: z.array(llmProviderSchema).default([]),
    timeoutMs: positiveInt.default(60_000),
    /** Retries per chain entry on 429, 5xx, timeouts and network errors, before the next entry. */
    maxRetries: z.number().int().min(0).max(10).default(2),
    /** Per chain entry, enforced locally before a request leaves. */
    requestsPerMinute: positiveInt.default(50),
    /** Per project and UTC month; null means no limit. */
    monthlyBudgetUsd: z.number().nonnegative().nullable().default(10),
    /** Overrides and additions to the built-in price table, keyed by model id (prefix) or "provider:model". */
    prices: z.record(z.string(), priceSchema).default({}),
  })
  .superRefine((config, ctx) => {
    if (config.enabled && config.chain.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['chain'],
        message: 'an enabled LLM needs at least one provider',
      });
    }
  });

export type LlmConfig = z.infer<typeof llmConfigSchema>;
export type LlmConfigInput = z.input<typeof llmConfigSchema>;
export type LlmProviderConfig = z.infer<typeof llmProviderSchema>;

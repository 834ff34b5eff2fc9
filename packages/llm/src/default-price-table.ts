import type { PriceTable } from '@fixloop/core';

/**
 * EDITABLE DEFAULTS: public list prices in USD per million tokens, as published by the vendors in late 2025.
 * They are a convenience, not a source of truth: vendors change prices, and gateways add margins. Override
 * or extend them with `llm.prices` in the config; keys match model ids by prefix, and "provider:model" keys
 * win over bare model keys. Local models (Ollama, vLLM, llama.cpp) are not listed and cost nothing.
 */
export const DEFAULT_LLM_PRICES: PriceTable = {
  // Anthropic
  'claude-opus-4-5': { inputPerMillionUsd: 5, outputPerMillionUsd: 25 },
  'claude-opus-4': { inputPerMillionUsd: 15, outputPerMillionUsd: 75 },
  'claude-sonnet-4': { inputPerMillionUsd: 3, outputPerMillionUsd: 15 },
  'claude-haiku-4-5': { inputPerMillionUsd: 1, outputPerMillionUsd: 5 },
  'claude-3-5-haiku': { inputPerMillionUsd: 0.8, outputPerMillionUsd: 4 },
  // OpenAI
  'gpt-5': { inputPerMillionUsd: 1.25, outputPerMillionUsd: 10 },
  'gpt-5-mini': { inputPerMillionUsd: 0.25, outputPerMillionUsd: 2 },
  'gpt-5-nano': { inputPerMillionUsd: 0.05, outputPerMillionUsd: 0.4 },
  'gpt-4.1': { inputPerMillionUsd: 2, outputPerMillionUsd: 8 },
  'gpt-4.1-mini': { inputPerMillionUsd: 0.4, outputPerMillionUsd: 1.6 },
  'gpt-4.1-nano': { inputPerMillionUsd: 0.1, outputPerMillionUsd: 0.4 },
  'gpt-4o': { inputPerMillionUsd: 2.5, outputPerMillionUsd: 10 },
  'gpt-4o-mini': { inputPerMillionUsd: 0.15, outputPerMillionUsd: 0.6 },
};

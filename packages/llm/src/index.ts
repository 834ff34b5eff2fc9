export {
  FallbackLlmClient,
  type FallbackLlmClientDeps,
  type FallbackLlmClientOptions,
} from './fallback-llm-client.ts';
export { InMemoryLlmUsageLedger } from './in-memory-llm-usage-ledger.ts';
export {
  llmConfigSchema,
  llmProviderSchema,
  type LlmConfig,
  type LlmConfigInput,
  type LlmProviderConfig,
} from './llm-config-schema.ts';
export { DEFAULT_LLM_PRICES } from './default-price-table.ts';
export { DEFAULT_BASE_URLS } from './create-language-model.ts';
export { DEFAULT_BACKOFF, backoffDelayMs, type BackoffPolicy } from './backoff-delay.ts';
export { TokenBucket } from './token-bucket.ts';
export { DEFAULT_MAX_OUTPUT_TOKENS } from './prepared-llm-call.ts';

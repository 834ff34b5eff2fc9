import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { LlmProviderConfig } from './llm-config-schema.ts';

export const DEFAULT_BASE_URLS = {
  anthropic: 'https://api.anthropic.com/v1',
  openai: 'https://api.openai.com/v1',
} as const;

/**
 * One AI SDK model per chain entry. Base URL and key are always passed explicitly: left undefined, the
 * SDK would read ANTHROPIC_* / OPENAI_* from the environment, and only apps read the environment here.
 */
export function createLanguageModel(config: LlmProviderConfig): LanguageModel {
  const headers = config.headers ?? {};
  switch (config.provider) {
    case 'anthropic':
      return createAnthropic({
        baseURL: config.baseUrl ?? DEFAULT_BASE_URLS.anthropic,
        apiKey: config.apiKey ?? '',
        headers,
      }).languageModel(config.model);
    case 'openai':
      // Chat Completions rather than the Responses API: it is the format every gateway also speaks.
      return createOpenAI({
        baseURL: config.baseUrl ?? DEFAULT_BASE_URLS.openai,
        apiKey: config.apiKey ?? '',
        headers,
      }).chat(config.model);
    case 'openai-compatible':
      return createOpenAICompatible({
        name: providerLabel(config),
        baseURL: config.baseUrl,
        ...(config.apiKey ? { apiKey: config.apiKey } : {}),
        headers,
        supportsStructuredOutputs: config.structuredOutputs ?? false,
        includeUsage: true,
      }).chatModel(config.model);
  }
}

/** The name usage and the ledger show: the configured name, else the provider kind. */
export function providerLabel(config: LlmProviderConfig): string {
  return config.name ?? config.provider;
}

import { describeLlmProviderContract } from './testing/describe-llm-provider-contract.ts';

describeLlmProviderContract('anthropic', (server) => ({
  provider: 'anthropic',
  model: 'contract-claude',
  apiKey: 'test-key',
  baseUrl: server.baseUrl,
}));

describeLlmProviderContract('openai', (server) => ({
  provider: 'openai',
  model: 'contract-gpt',
  apiKey: 'test-key',
  baseUrl: server.baseUrl,
}));

describeLlmProviderContract('openai-compatible (Ollama, vLLM, llama.cpp)', (server) => ({
  provider: 'openai-compatible',
  name: 'ollama',
  model: 'contract-llama',
  baseUrl: server.baseUrl,
}));

import type { LlmClient, LlmUsageLedger, Project } from '@fixloop/core';
import type { LlmConfig } from '@fixloop/llm';

/** The LLM fixer's client for a project when the config enables an LLM; the project's budget applies. */
export async function autofixLlmFactory(
  config: LlmConfig,
  ledger: LlmUsageLedger,
): Promise<(project: Project) => LlmClient | null> {
  if (!config.enabled) return () => null;
  // The AI SDK and its providers (~40 MB of RSS) load only when an LLM is configured.
  const { FallbackLlmClient } = await import('@fixloop/llm');
  return (project) => {
    const own = project.settings.investigation.monthlyBudgetUsd;
    return FallbackLlmClient.fromConfig(config, {
      ledger,
      budgetForProject: () => (own === null ? undefined : own),
    });
  };
}

import type { LlmClient, LlmUsageLedger, Project } from '@fixloop/core';
import { FallbackLlmClient } from '@fixloop/llm';
import type { LlmConfig } from '@fixloop/llm';

/** The LLM fixer's client for a project when the config enables an LLM; the project's budget applies. */
export function autofixLlmFactory(
  config: LlmConfig,
  ledger: LlmUsageLedger,
): (project: Project) => LlmClient | null {
  if (!config.enabled) return () => null;
  return (project) => {
    const own = project.settings.investigation.monthlyBudgetUsd;
    return FallbackLlmClient.fromConfig(config, {
      ledger,
      budgetForProject: () => (own === null ? undefined : own),
    });
  };
}

import type { Issue, LlmUsageLedger, Project } from '@fixloop/core';
import { LlmInvestigationAnalyzer } from '@fixloop/investigation';
import type { LlmConfig } from '@fixloop/llm';

/**
 * The LLM step of investigations, when the config enables an LLM: one analyzer per run, so its usage
 * is the run's. A project's own monthly budget overrides the global one.
 */
export async function llmAnalyzerFactory(
  config: LlmConfig,
  ledger: LlmUsageLedger,
): Promise<(project: Project, issue: Issue) => LlmInvestigationAnalyzer | null> {
  if (!config.enabled) return () => null;
  // The AI SDK and its providers (~40 MB of RSS) load only when an LLM is configured.
  const { FallbackLlmClient } = await import('@fixloop/llm');
  return (project, issue) => {
    const own = project.settings.investigation.monthlyBudgetUsd;
    const client = FallbackLlmClient.fromConfig(config, {
      ledger,
      budgetForProject: () => (own === null ? undefined : own),
    });
    return new LlmInvestigationAnalyzer(client, {
      projectId: project.id,
      issueId: issue.id,
      sensitiveFields: project.settings.scrubbing.extraFields,
    });
  };
}

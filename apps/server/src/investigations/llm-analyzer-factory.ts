import type { Issue, LlmUsageLedger, Project } from '@fixloop/core';
import { LlmInvestigationAnalyzer } from '@fixloop/investigation';
import { FallbackLlmClient } from '@fixloop/llm';
import type { LlmConfig } from '@fixloop/llm';

/**
 * The LLM step of investigations, when the config enables an LLM: one analyzer per run, so its usage
 * is the run's. A project's own monthly budget overrides the global one.
 */
export function llmAnalyzerFactory(
  config: LlmConfig,
  ledger: LlmUsageLedger,
): (project: Project, issue: Issue) => LlmInvestigationAnalyzer | null {
  if (!config.enabled) return () => null;
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

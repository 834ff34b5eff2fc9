import type { LlmClient, PolicyCategory } from '@fixloop/core';
import { applyLlmEdits } from './apply-llm-edits.ts';
import { proposal } from './fix-candidate.ts';
import { cannotFix, type FixContext, type Fixer, type ProposeResult } from './fixer.ts';
import { LLM_FIX_SCHEMA } from './llm-fix-schema.ts';
import { LLM_FIX_SYSTEM, llmFixPrompt } from './llm-fix-prompt.ts';

export interface LlmFixerConfig {
  llm: LlmClient;
  agentName: string;
  projectId: number;
  issueId: number;
  issueTitle: string;
  investigation?: { summary: string; details?: string } | null;
  sensitiveFields?: string[];
}

/**
 * Asks the LLM for a fix as structured output (search/replace edits and, when needed, an improved
 * reproduction test). Its patches are at least category B: nothing shows they are only names or imports.
 */
export class LlmFixer implements Fixer {
  readonly name: string;
  readonly category: PolicyCategory = 'B';

  constructor(private readonly config: LlmFixerConfig) {
    this.name = `llm:${config.agentName}`;
  }

  canFix(context: FixContext): boolean {
    return context.reproduction !== undefined;
  }

  async propose(context: FixContext): Promise<ProposeResult> {
    const prompt = await llmFixPrompt(context, this.config);
    const answer = await this.config.llm.generateObject({
      projectId: this.config.projectId,
      issueId: this.config.issueId,
      purpose: 'autofix.fix',
      system: LLM_FIX_SYSTEM,
      prompt,
      schema: LLM_FIX_SCHEMA,
      schemaName: 'fix',
      ...(this.config.sensitiveFields ? { sensitiveFields: this.config.sensitiveFields } : {}),
    });
    if (!answer.ok) return cannotFix(`the LLM gave no fix (${answer.reason}: ${answer.message})`);
    const testPath = context.reproduction?.path;
    const applied = await applyLlmEdits(context.repo, answer.value.edits, {
      root: context.root,
      protectedPaths: testPath ? [testPath] : [],
    });
    if (!applied.ok) return cannotFix(`the LLM's edits do not apply: ${applied.reason}`);
    const result = proposal({
      fixer: this.name,
      category: this.category,
      categoryReason: 'written by an LLM',
      summary: answer.value.summary,
      rootCause: answer.value.rootCause,
      confidence: answer.value.confidence,
      changes: applied.changes,
    });
    return result.ok && answer.value.test ? { ...result, improvedTest: answer.value.test } : result;
  }
}

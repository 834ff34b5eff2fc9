import type { LlmClient, LlmUsage } from '@fixloop/core';
import type { AnalysisContext, InvestigationAnalyzer } from '../investigation-analyzer.ts';
import type { ReportAnalysis } from '../report/investigation-report.ts';
import { ANALYST_SYSTEM, analysisPrompt, fileRequestPrompt } from './analysis-prompt.ts';
import { fileRequestSchema, llmAnalysisSchema } from './llm-analysis-schema.ts';

export interface LlmInvestigationAnalyzerOptions {
  projectId: number;
  issueId: number;
  /** The project's sensitive field names, scrubbed before anything leaves (on top of the built-ins). */
  sensitiveFields?: string[];
  maxFiles?: number;
  maxFileBytes?: number;
}

/**
 * The LLM step in two rounds: the model sees the deterministic evidence and asks for the files it
 * needs (bounded in count and size), then gets them and answers with a structured analysis. Any
 * failure (no provider, over budget, invalid output) returns null: the deterministic report stands.
 */
export class LlmInvestigationAnalyzer implements InvestigationAnalyzer {
  readonly name = 'llm';
  /** Summed over both rounds, for the investigation's tokens and cost. */
  usage: LlmUsage | null = null;

  constructor(
    private readonly llm: LlmClient,
    private readonly options: LlmInvestigationAnalyzerOptions,
  ) {}

  async analyze(context: AnalysisContext): Promise<ReportAnalysis | null> {
    const maxFiles = this.options.maxFiles ?? 5;
    const base = {
      projectId: this.options.projectId,
      issueId: this.options.issueId,
      system: ANALYST_SYSTEM,
      ...(this.options.sensitiveFields ? { sensitiveFields: this.options.sensitiveFields } : {}),
    };
    const request = await this.llm.generateObject({
      ...base,
      purpose: 'investigation.files',
      prompt: fileRequestPrompt(context, maxFiles),
      schema: fileRequestSchema,
      schemaName: 'file_request',
    });
    this.addUsage(request.usage);
    const wanted = request.ok
      ? request.value.files.slice(0, maxFiles)
      : context.findings.frames.map((f) => f.repoPath);
    const files = await this.readFiles(context, [...new Set(wanted)].slice(0, maxFiles));
    const result = await this.llm.generateObject({
      ...base,
      purpose: 'investigation.analysis',
      prompt: analysisPrompt(context, files),
      schema: llmAnalysisSchema,
      schemaName: 'root_cause_analysis',
    });
    this.addUsage(result.usage);
    if (!result.ok) return null;
    const analysis = result.value;
    return {
      by: `${result.usage.provider}/${result.usage.model}`,
      rootCause: analysis.rootCauseSummary,
      details: analysis.detailedAnalysis,
      suggestedFixes: analysis.suggestedFixes,
      relatedFiles: analysis.relatedFiles,
      confidence: analysis.confidence,
      affectedComponent: analysis.affectedComponent,
      errorCategory: analysis.errorCategory,
      likelyCauses: analysis.likelyCauses,
      canAutoFix: analysis.canAutoFix,
    };
  }

  private async readFiles(
    context: AnalysisContext,
    paths: string[],
  ): Promise<{ path: string; text: string }[]> {
    const maxBytes = this.options.maxFileBytes ?? 16 * 1024;
    const files = await Promise.all(
      paths.map(async (path) => ({ path, text: await context.readFile(path, maxBytes) })),
    );
    return files.filter((f): f is { path: string; text: string } => f.text !== null);
  }

  private addUsage(usage: LlmUsage | null | undefined): void {
    if (!usage) return;
    const total = this.usage;
    this.usage =
      total === null
        ? { ...usage }
        : {
            ...usage,
            promptTokens: total.promptTokens + usage.promptTokens,
            completionTokens: total.completionTokens + usage.completionTokens,
            costUsd: total.costUsd + usage.costUsd,
          };
  }
}

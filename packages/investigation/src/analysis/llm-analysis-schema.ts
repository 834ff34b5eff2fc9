import { z } from 'zod';

/** Step one: the model names the repository files it wants to read (bounded by the caller). */
export const fileRequestSchema = z.object({
  files: z.array(z.string().min(1)).max(20).describe('Repository-relative paths to read, most useful first'),
  reason: z.string().describe('Why these files'),
});

export const ERROR_CATEGORIES = [
  'null_reference',
  'type_error',
  'missing_import',
  'logic',
  'configuration',
  'network',
  'database',
  'auth',
  'dependency',
  'performance',
  'other',
] as const;

/** Step two: the structured analysis stored in the report and shown in the dashboard. */
export const llmAnalysisSchema = z.object({
  rootCauseSummary: z.string().min(1).describe('One or two sentences: why the error happens'),
  detailedAnalysis: z.string().describe('The reasoning, pointing at lines and commits'),
  affectedComponent: z.string().describe('The module, service or feature that breaks'),
  errorCategory: z.enum(ERROR_CATEGORIES),
  likelyCauses: z.array(z.string()).max(10),
  suggestedFixes: z.array(z.string()).max(10),
  relatedFiles: z.array(z.string()).max(20),
  canAutoFix: z.boolean().describe('True when a small, local code change with a test would fix it'),
  confidence: z.number().min(0).max(1),
});

export type FileRequest = z.infer<typeof fileRequestSchema>;
export type LlmAnalysis = z.infer<typeof llmAnalysisSchema>;

import { defineOutputSchema, type OutputSchema } from '@fixloop/core';

export interface LlmFixEdit {
  path: string;
  /** Exact text to replace, occurring once in the file; empty to create a new file. */
  find: string;
  replace: string;
}

export interface LlmFixAnswer {
  summary: string;
  rootCause: string;
  confidence: number;
  edits: LlmFixEdit[];
  /** Full content of an improved reproduction test, when the given one is not good enough. */
  test?: string;
}

const JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'rootCause', 'confidence', 'edits'],
  properties: {
    summary: { type: 'string', description: 'One line: what the fix changes.' },
    rootCause: { type: 'string', description: 'Why the error happened.' },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    edits: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'find', 'replace'],
        properties: {
          path: { type: 'string', description: 'Repository-relative path.' },
          find: {
            type: 'string',
            description: 'Exact existing text, unique in the file; "" creates the file.',
          },
          replace: { type: 'string' },
        },
      },
    },
    test: { type: 'string', description: 'Optional: full content of an improved reproduction test.' },
  },
};

/** The structured answer the LLM fixer asks for: search/replace edits, not a diff (models botch diffs). */
export const LLM_FIX_SCHEMA: OutputSchema<LlmFixAnswer> = defineOutputSchema({
  jsonSchema: JSON_SCHEMA,
  check: (value) => {
    const v = value as Partial<LlmFixAnswer> | null;
    if (typeof v !== 'object' || v === null) return { ok: false, error: 'the answer must be an object' };
    if (typeof v.summary !== 'string' || typeof v.rootCause !== 'string')
      return { ok: false, error: 'summary and rootCause must be strings' };
    if (typeof v.confidence !== 'number' || v.confidence < 0 || v.confidence > 1)
      return { ok: false, error: 'confidence must be a number from 0 to 1' };
    if (!Array.isArray(v.edits) || v.edits.length === 0)
      return { ok: false, error: 'edits must be a non-empty array' };
    const bad = v.edits.findIndex(
      (e: Partial<LlmFixEdit>) =>
        typeof e?.path !== 'string' || typeof e.find !== 'string' || typeof e.replace !== 'string',
    );
    if (bad >= 0) return { ok: false, error: `edits.${bad} needs string path, find and replace` };
    if (v.test !== undefined && typeof v.test !== 'string')
      return { ok: false, error: 'test must be a string' };
    return { ok: true, value: v as LlmFixAnswer };
  },
});

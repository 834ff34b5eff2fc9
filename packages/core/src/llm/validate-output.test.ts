import { describe, expect, it } from 'vitest';
import { defineOutputSchema } from './output-schema.ts';
import { validateOutput } from './validate-output.ts';

const answer = defineOutputSchema<{ answer: number }>({
  jsonSchema: { type: 'object', properties: { answer: { type: 'number' } }, required: ['answer'] },
  check: (value) =>
    typeof value === 'object' && value !== null && typeof (value as { answer?: unknown }).answer === 'number'
      ? { ok: true, value: value as { answer: number } }
      : { ok: false, error: 'answer must be a number' },
});

describe('validateOutput', () => {
  it('parses and validates JSON, also inside a markdown fence', async () => {
    expect(await validateOutput(answer, '{"answer": 42}')).toEqual({ ok: true, value: { answer: 42 } });
    expect(await validateOutput(answer, '```json\n{"answer": 7}\n```')).toEqual({
      ok: true,
      value: { answer: 7 },
    });
  });

  it('says when the text is not JSON', async () => {
    const result = await validateOutput(answer, 'The answer is 42.');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/not valid JSON/);
  });

  it('says which rule the JSON broke', async () => {
    const result = await validateOutput(answer, '{"answer": "42"}');
    expect(result).toEqual({
      ok: false,
      error: 'The JSON does not match the schema: answer must be a number',
    });
  });

  it('exposes the JSON Schema through the standard converter', () => {
    expect(answer['~standard'].jsonSchema.input({ target: 'draft-07' })).toMatchObject({
      required: ['answer'],
    });
  });
});

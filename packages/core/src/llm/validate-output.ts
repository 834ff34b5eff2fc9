import type { OutputIssue, OutputSchema } from './output-schema.ts';

export type OutputCheck<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Parses a model's text answer as JSON and validates it. The error text is written for the model: it is
 * fed back verbatim in the one repair attempt, so it names paths and says what was expected.
 */
export async function validateOutput<T>(schema: OutputSchema<T>, text: string): Promise<OutputCheck<T>> {
  let value: unknown;
  try {
    value = JSON.parse(stripCodeFence(text));
  } catch (error) {
    return { ok: false, error: `The answer is not valid JSON (${(error as Error).message}).` };
  }
  const result = await schema['~standard'].validate(value);
  if (result.issues === undefined) return { ok: true, value: result.value };
  return { ok: false, error: `The JSON does not match the schema: ${formatIssues(result.issues)}` };
}

/** Local models often wrap JSON in a markdown fence even when told not to; that is not worth a repair. */
function stripCodeFence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(text);
  return fenced?.[1] ?? text;
}

function formatIssues(issues: ReadonlyArray<OutputIssue>): string {
  return issues
    .slice(0, 20)
    .map((issue) => {
      const path = (issue.path ?? [])
        .map((segment) => String(typeof segment === 'object' ? segment.key : segment))
        .join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

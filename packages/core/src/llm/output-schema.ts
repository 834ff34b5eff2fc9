/**
 * The shape an LLM must answer with. Core has no schema library, so this is the vendor-neutral Standard
 * Schema interface (standardschema.dev) plus its JSON Schema converter: a zod 4 schema satisfies it as is
 * (`generateObject({ schema: z.object(…) })`), and code without zod builds one with `defineOutputSchema`.
 */
export interface OutputSchema<T> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => OutputValidation<T> | Promise<OutputValidation<T>>;
    /** The JSON Schema sent to the model, so it knows the shape before it answers. */
    readonly jsonSchema: {
      readonly input: (options: { readonly target: 'draft-07' }) => Record<string, unknown>;
    };
  };
}

export type OutputValidation<T> =
  { readonly value: T; readonly issues?: undefined } | { readonly issues: ReadonlyArray<OutputIssue> };

export interface OutputIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** Builds an `OutputSchema` from a JSON Schema and a hand-written check, for callers without zod. */
export function defineOutputSchema<T>(definition: {
  jsonSchema: Record<string, unknown>;
  /** Returns the typed value, or a message saying what is wrong. */
  check: (value: unknown) => { ok: true; value: T } | { ok: false; error: string };
}): OutputSchema<T> {
  return {
    '~standard': {
      version: 1,
      vendor: 'fixloop',
      validate: (value) => {
        const checked = definition.check(value);
        return checked.ok ? { value: checked.value } : { issues: [{ message: checked.error }] };
      },
      jsonSchema: { input: () => definition.jsonSchema },
    },
  };
}

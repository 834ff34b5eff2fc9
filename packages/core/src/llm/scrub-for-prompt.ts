import { PROMPT_SECRET_PATTERNS } from './prompt-secret-patterns.ts';
import { DEFAULT_PROMPT_SENSITIVE_FIELDS, redactSensitiveFieldValues } from './sensitive-field-values.ts';

export interface PromptScrubOptions {
  /** Extra sensitive field names (case-insensitive substrings, `-`/`_` ignored) on top of the defaults. */
  sensitiveFields?: readonly string[];
  /** Field names never scrubbed, even when they match. */
  safeFields?: readonly string[];
  /** Anything else to remove; every match becomes "[REDACTED]". Need not carry the `g` flag. */
  extraPatterns?: readonly RegExp[];
}

/**
 * Removes what must never reach an LLM vendor: private keys, tokens (API keys, JWTs, bearer credentials),
 * emails, phone numbers, IPv4/IPv6 addresses and the values of sensitive fields. It errs on the side of
 * removing: a false positive costs the model a little context, a false negative leaks a secret.
 */
export function scrubForPrompt(text: string, options: PromptScrubOptions = {}): string {
  let scrubbed = text;
  for (const { pattern, replace } of PROMPT_SECRET_PATTERNS) {
    scrubbed =
      typeof replace === 'string' ? scrubbed.replace(pattern, replace) : scrubbed.replace(pattern, replace);
  }
  scrubbed = redactSensitiveFieldValues(
    scrubbed,
    [...DEFAULT_PROMPT_SENSITIVE_FIELDS, ...(options.sensitiveFields ?? [])],
    options.safeFields,
  );
  for (const extra of options.extraPatterns ?? []) {
    const global = extra.flags.includes('g') ? extra : new RegExp(extra.source, `${extra.flags}g`);
    scrubbed = scrubbed.replace(global, '[REDACTED]');
  }
  return scrubbed;
}

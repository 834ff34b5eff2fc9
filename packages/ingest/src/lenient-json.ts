import { AppError } from '@fixloop/core';

const NON_FINITE_TOKENS = ['-Infinity', 'Infinity', 'NaN'] as const;

/**
 * Replaces Python's `NaN`, `Infinity` and `-Infinity` tokens that sit outside strings with `null`
 * (what Relay's `json_forensics` does for sentry-python payloads). Returns null when nothing changed.
 */
function replaceNonFiniteTokens(text: string): string | null {
  let out = '';
  let copiedUpTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i++;
      else if (ch === 0x22 /* " */) inString = false;
      continue;
    }
    if (ch === 0x22) {
      inString = true;
      continue;
    }
    if (ch !== 0x4e /* N */ && ch !== 0x49 /* I */ && ch !== 0x2d /* - */) continue;
    const token = NON_FINITE_TOKENS.find((t) => text.startsWith(t, i));
    if (token === undefined) continue;
    out += text.slice(copiedUpTo, i) + 'null';
    i += token.length - 1;
    copiedUpTo = i + 1;
  }
  return copiedUpTo === 0 ? null : out + text.slice(copiedUpTo);
}

/** JSON.parse first (fast path); only on failure retry with NaN/Infinity tokens and a leading BOM removed. */
export function parseJsonLenient(data: Buffer | string): unknown {
  const text = typeof data === 'string' ? data : data.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const repaired = replaceNonFiniteTokens(withoutBom) ?? (withoutBom !== text ? withoutBom : null);
    if (repaired !== null) {
      try {
        return JSON.parse(repaired);
      } catch {
        // Report the original error: it points at the real problem in what the client sent.
      }
    }
    throw new AppError('invalid_payload', `invalid JSON: ${(error as Error).message}`);
  }
}

/**
 * What `scrubForPrompt` removes by shape, in order: multi-line keys first, then tokens (so a token that
 * looks like an email or a phone number is named a token), then contact data and addresses.
 */
export interface SecretPattern {
  name: string;
  pattern: RegExp;
  /** A replacement string, or a function that may keep the match (returns it unchanged). */
  replace: string | ((match: string, ...groups: string[]) => string);
}

const TOKEN = '[REDACTED_TOKEN]';

export const PROMPT_SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    name: 'private key',
    pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g,
    replace: '[REDACTED_PRIVATE_KEY]',
  },
  { name: 'jwt', pattern: /\beyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]+/g, replace: TOKEN },
  {
    name: 'authorization scheme',
    pattern: /\b(Bearer|Basic|Token)(\s+)[\w.~+/=-]{8,}/gi,
    replace: (_m, scheme: string, space: string) => `${scheme}${space}${TOKEN}`,
  },
  { name: 'openai/anthropic key', pattern: /\bsk-[\w-]{16,}/g, replace: TOKEN },
  { name: 'github token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,})/g, replace: TOKEN },
  { name: 'slack token', pattern: /\bxox[abposrce]-[\w-]{10,}/g, replace: TOKEN },
  { name: 'aws access key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, replace: TOKEN },
  { name: 'google api key', pattern: /\bAIza[\w-]{35}/g, replace: TOKEN },
  { name: 'gitlab token', pattern: /\bglpat-[\w-]{20,}/g, replace: TOKEN },
  { name: 'stripe key', pattern: /\b[rsp]k_(?:live|test)_[A-Za-z0-9]{16,}/g, replace: TOKEN },
  {
    name: 'email',
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g,
    replace: '[REDACTED_EMAIL]',
  },
  {
    name: 'ipv4',
    pattern:
      /(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\w|\.\d)/g,
    replace: '[REDACTED_IP]',
  },
  {
    name: 'ipv6',
    pattern: /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g,
    replace: (match) => (looksLikeIpv6(match) ? '[REDACTED_IP]' : match),
  },
  {
    name: 'international phone',
    pattern: /(?<![\w+])\+\d[\d ().-]{6,18}\d(?![\w.])/g,
    replace: (match) => (digitCount(match) >= 8 && digitCount(match) <= 15 ? '[REDACTED_PHONE]' : match),
  },
  {
    name: 'north american phone',
    pattern: /(?<![\w.+-])(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w.-])/g,
    replace: '[REDACTED_PHONE]',
  },
];

/** Full or `::`-compressed form; "a::b" (a Ruby or C++ scope, not an address) has no digit and is kept. */
function looksLikeIpv6(candidate: string): boolean {
  const halves = candidate.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return false;
  const complete = halves.length === 2 ? groups.length <= 7 : groups.length === 8;
  return complete && (/\d/.test(candidate) || groups.length >= 3);
}

function digitCount(text: string): number {
  return text.replace(/\D/g, '').length;
}

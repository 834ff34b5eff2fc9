const RULES: [RegExp, string][] = [
  // Credentials first, so their parts are not half-matched by the broader rules below.
  [/\b(bearer)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi, '$1 [Filtered]'],
  [/\b(basic)\s+(?=[A-Za-z0-9+/]*\d)[A-Za-z0-9+/]{12,}={0,2}/gi, '$1 [Filtered]'],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, '[Filtered]'],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,})/g, '[Filtered]'],
  [
    /\b(?:xox[abprs]-[A-Za-z0-9-]{10,}|sk-[A-Za-z0-9_-]{20,}|(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,})/g,
    '[Filtered]',
  ],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bAIza[0-9A-Za-z_-]{35}\b/g, '[Filtered]'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, '[Filtered]'],
  [
    /\b((?:api[_-]?key|apikey|access[_-]?key|secret|client[_-]?secret|password|passwd|pwd|token|auth|session[_-]?id|sessionid)["']?\s*[=:]\s*["']?)[^\s"'&,;)]{3,}/gi,
    '$1[Filtered]',
  ],
  [/:\/\/[^/\s:@]+:[^/\s@]+@/g, '://[Filtered]@'],
  [/\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, '[email]'],
  [/\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g, '[ip]'],
  [
    /\b(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}\b|\b(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}:?){1,6}(?![\w:])/g,
    '[ip]',
  ],
];

/**
 * Removes personal data and secrets from text that leaves Fixloop (issue comments, prompts): email
 * addresses, IPv4/IPv6 addresses, bearer/basic credentials, JWTs, well-known API token formats,
 * private keys, `password=…`-style pairs and credentials in URLs. Commit shas and line numbers survive.
 */
export function scrubSensitiveText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

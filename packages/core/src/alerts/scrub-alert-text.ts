/**
 * Alert text goes to third parties (Slack, e-mail providers, pagers), so it is scrubbed again on the way
 * out even though events were scrubbed at ingest: titles and messages often embed user input verbatim,
 * and ingest scrubbing keeps e-mails and IPs by default.
 */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // Credentials first, so an e-mail inside a URL's userinfo or a token never survives partially.
  [/\b(bearer|basic|token)\s+[\w\-.~+/]{8,}=*/gi, '$1 [token]'],
  [/\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, '[token]'],
  [/\b(?:xox[abposr]|xapp)-[\w-]{8,}/g, '[token]'],
  [/\b(?:gh[pousr]_|github_pat_|glpat-|sk-|sk_live_|sk_test_|rk_live_|AKIA)[\w-]{8,}/g, '[token]'],
  [/\b\d{6,12}:[\w-]{30,}/g, '[token]'],
  [
    /((?:^|[?&;\s"'{,])(?:pass(?:word|wd)?|secret|token|api[_-]?key|access[_-]?key|auth|session|sig)\w*["']?\s*[=:]\s*["']?)[^&;\s"',}]+/gi,
    '$1[Filtered]',
  ],
  [/\/\/[^/\s:@]+:[^/\s@]+@/g, '//[Filtered]@'],
  [
    /[\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+/gi,
    '[email]',
  ],
  [/(?<![\w.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\w.])/g, '[ip]'],
  // IPv6: at least three groups with a `::` or eight full groups, so `12:30:45` timestamps are left alone.
  [/(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])/gi, '[ip]'],
  [/(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}(?![\w:])/gi, '[ip]'],
];

/** Replaces e-mail addresses, IP addresses and credentials in free text. */
export function scrubAlertText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

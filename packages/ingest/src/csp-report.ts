import { AppError } from '@fixloop/core';
import { httpHost, isLocalUri, normalizeCspUri, normalizeCspValue } from './csp-uri.ts';

/** Canonical field -> the spellings browsers use (legacy `report-uri` kebab-case, Reporting API camelCase). */
const FIELD_ALIASES: Readonly<Record<string, readonly string[]>> = {
  effective_directive: ['effective-directive', 'effectiveDirective'],
  blocked_uri: ['blocked-uri', 'blockedURL'],
  document_uri: ['document-uri', 'documentURL'],
  original_policy: ['original-policy', 'originalPolicy'],
  referrer: [],
  status_code: ['status-code', 'statusCode'],
  violated_directive: ['violated-directive', 'violatedDirective'],
  source_file: ['source-file', 'sourceFile'],
  line_number: ['line-number', 'lineNumber'],
  column_number: ['column-number', 'columnNumber'],
  script_sample: ['script-sample', 'scriptSample', 'sample'],
  disposition: [],
};
const NUMERIC_FIELDS = new Set(['status_code', 'line_number', 'column_number']);

const DIRECTIVES = new Set(
  (
    'base-uri child-src connect-src default-src fenced-frame-src font-src form-action frame-ancestors frame-src ' +
    'img-src manifest-src media-src object-src plugin-types prefetch-src referrer script-src script-src-attr ' +
    'script-src-elem style-src style-src-elem style-src-attr upgrade-insecure-requests worker-src sandbox ' +
    'navigate-to report-uri report-to block-all-mixed-content require-sri-for require-trusted-types-for trusted-types'
  ).split(' '),
);

const LOCAL_MESSAGES: Readonly<Record<string, string>> = {
  'child-src': "Blocked inline 'child'",
  'connect-src': "Blocked inline 'connect'",
  'font-src': "Blocked inline 'font'",
  'img-src': "Blocked inline 'image'",
  'manifest-src': "Blocked inline 'manifest'",
  'media-src': "Blocked inline 'media'",
  'object-src': "Blocked inline 'object'",
  'script-src-attr': "Blocked unsafe 'script' element",
  'script-src-elem': 'Blocked inline script attribute',
  'style-src': "Blocked inline 'style'",
  'style-src-elem': "Blocked 'style' or 'link' element",
  'style-src-attr': 'Blocked style attribute',
  'script-src': "Blocked unsafe (eval() or inline) 'script'",
};

const REMOTE_MESSAGES: Readonly<Record<string, (uri: string) => string>> = {
  'child-src': (u) => `Blocked 'child' from '${u}'`,
  'connect-src': (u) => `Blocked 'connect' from '${u}'`,
  'font-src': (u) => `Blocked 'font' from '${u}'`,
  'form-action': (u) => `Blocked 'form' action to '${u}'`,
  'img-src': (u) => `Blocked 'image' from '${u}'`,
  'manifest-src': (u) => `Blocked 'manifest' from '${u}'`,
  'media-src': (u) => `Blocked 'media' from '${u}'`,
  'object-src': (u) => `Blocked 'object' from '${u}'`,
  'script-src': (u) => `Blocked 'script' from '${u}'`,
  'script-src-attr': (u) => `Blocked inline script attribute from '${u}'`,
  'script-src-elem': (u) => `Blocked 'script' from '${u}'`,
  'style-src': (u) => `Blocked 'style' from '${u}'`,
  'style-src-elem': (u) => `Blocked 'style' from '${u}'`,
  'style-src-attr': (u) => `Blocked style attribute from '${u}'`,
};

type CspFields = Record<string, unknown> & {
  blocked_uri: string;
  violated_directive: string;
  document_uri?: string;
};

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function canonicalFields(raw: Record<string, unknown>): CspFields {
  const known = new Set<string>();
  const fields: Record<string, unknown> = {};
  for (const [field, aliases] of Object.entries(FIELD_ALIASES)) {
    for (const name of [field, ...aliases]) {
      known.add(name);
      if (raw[name] === undefined || raw[name] === null || fields[field] !== undefined) continue;
      fields[field] = NUMERIC_FIELDS.has(field) ? toNumber(raw[name]) : String(raw[name]);
    }
  }
  // Unknown keys are kept (Relay `Csp::other`), like Chrome's `effective-directive_full`.
  for (const [name, value] of Object.entries(raw)) if (!known.has(name)) fields[name] = value;
  fields['blocked_uri'] ??= 'self';
  fields['violated_directive'] ??= '';
  return fields as CspFields;
}

/** Firefox omits effective-directive; CSP2 puts the whole policy text in it: take the first known word. */
function effectiveDirective(fields: CspFields): string {
  for (const candidate of [fields['effective_directive'], fields.violated_directive]) {
    const word = typeof candidate === 'string' ? (candidate.split(' ')[0] ?? '') : '';
    if (DIRECTIVES.has(word)) return word;
  }
  throw new AppError('invalid_payload', 'invalid security report: no known CSP directive');
}

function message(directive: string, blockedUri: string): string {
  if (directive === 'script-src' && blockedUri === 'inline') return "Blocked unsafe inline 'script'";
  if (directive === 'script-src' && blockedUri === 'eval') return "Blocked unsafe eval() 'script'";
  if (isLocalUri(blockedUri)) return LOCAL_MESSAGES[directive] ?? `Blocked inline '${directive}'`;
  const uri = normalizeCspUri(blockedUri);
  return REMOTE_MESSAGES[directive]?.(uri) ?? `Blocked '${directive}' from '${uri}'`;
}

function culprit(fields: CspFields): string {
  const [first, ...rest] = fields.violated_directive.split(/\s+/).filter((b) => b !== '');
  if (first === undefined) return '';
  const documentUri = fields.document_uri ?? '';
  const normalizedDocument = normalizeCspUri(documentUri);
  return [first, ...rest.map((bit) => normalizeCspValue(bit, normalizedDocument, documentUri))].join(' ');
}

function tags(directive: string, blockedUri: string): [string, string][] {
  // Stripe puts card data in query strings (Relay strips them the same way).
  const sanitized = blockedUri.startsWith('https://api.stripe.com/')
    ? blockedUri.replace(/[?#].*$/, '')
    : blockedUri;
  const result: [string, string][] = [
    ['effective-directive', directive],
    ['blocked-uri', sanitized],
  ];
  const host = httpHost(blockedUri);
  if (host !== null) result.push(['blocked-host', host]);
  return result;
}

/** One CSP report body (legacy `csp-report` object or Reporting API `body`) -> the fields of a Sentry `csp` event. */
export function cspReportToEvent(raw: Record<string, unknown>): Record<string, unknown> {
  const fields = canonicalFields(raw);
  const directive = effectiveDirective(fields);
  const referrer = typeof fields['referrer'] === 'string' ? fields['referrer'] : '';
  const request: Record<string, unknown> = {};
  if (fields.document_uri !== undefined) request['url'] = fields.document_uri;
  if (referrer !== '') request['headers'] = [['Referer', referrer]];
  return {
    type: 'csp',
    logentry: { formatted: message(directive, fields.blocked_uri) },
    culprit: culprit(fields),
    tags: tags(directive, fields.blocked_uri),
    request,
    csp: Object.fromEntries(
      Object.entries({ ...fields, effective_directive: directive }).filter(([, v]) => v !== undefined),
    ),
  };
}

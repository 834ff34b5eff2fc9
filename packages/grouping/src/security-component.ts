import type { SentryEvent } from '@fixloop/core';
import { GroupingComponent, leaf } from './grouping-component.ts';
import { asRecord, asString } from './event-shape.ts';

const LOCAL = "'self'";

/** Sentry's CSP `_normalize_uri`: 'self' for empty/self, the scheme for data:/blob:, else the host. */
function normalizeBlockedUri(value: string): string {
  if (value === '' || value === LOCAL || value === 'self') return LOCAL;
  if (!value.includes(':')) return '';
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?:\/\/([^/?#]*))?/.exec(value);
  const scheme = (match?.[1] ?? '').toLowerCase();
  if (scheme === 'data' || scheme === 'blob') return scheme;
  return match?.[2] ?? '';
}

function cspComponent(csp: Record<string, unknown>): GroupingComponent {
  const violated = asString(csp.violated_directive) ?? '';
  const directive = asString(csp.effective_directive) ?? violated.split(' ')[0] ?? '';
  const blocked = normalizeBlockedUri(asString(csp.blocked_uri) ?? '');
  let localViolation: string | undefined;
  if (violated && directive === 'script-src' && blocked === LOCAL) {
    if (violated.includes("'unsafe-inline'")) localViolation = 'unsafe-inline';
    else if (violated.includes("'unsafe-eval'")) localViolation = 'unsafe-eval';
  }
  const violation = new GroupingComponent('violation');
  const uri = new GroupingComponent('uri', [blocked]);
  if (localViolation) {
    violation.values = [`'${localViolation}'`];
    uri.setContributes(false, 'violation takes precedence');
  } else {
    violation.setContributes(false, 'not a local script violation');
  }
  return new GroupingComponent('csp', [leaf('salt', directive), violation, uri]);
}

function hostnameReport(id: string, report: Record<string, unknown>): GroupingComponent {
  return new GroupingComponent(id, [leaf('salt', id), leaf('hostname', asString(report.hostname))]);
}

/** Security-report strategies in Sentry's score order (csp, hpkp, expect-staple, expect-ct). */
export function securityComponents(event: SentryEvent): GroupingComponent[] {
  const out: GroupingComponent[] = [];
  const csp = asRecord(event.csp ?? event['sentry.interfaces.Csp']);
  if (csp) out.push(cspComponent(csp));
  const reports: [string, string, string][] = [
    ['hpkp', 'hpkp', 'sentry.interfaces.Hpkp'],
    ['expect-staple', 'expectstaple', 'sentry.interfaces.ExpectStaple'],
    ['expect-ct', 'expectct', 'sentry.interfaces.ExpectCT'],
  ];
  for (const [id, key, legacy] of reports) {
    const report = asRecord(event[key] ?? event[legacy]);
    if (report) out.push(hostnameReport(id, report));
  }
  return out;
}

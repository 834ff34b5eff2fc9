import { AppError } from '@fixloop/core';
import { cspReportToEvent } from './csp-report.ts';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function invalid(reason: string): AppError {
  return new AppError('invalid_payload', `invalid security report: ${reason}`);
}

/** `served-certificate-chain` -> `served_certificate_chain`, as Sentry's interfaces name them. */
function snakeKeys(raw: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.replaceAll('-', '_'), v]));
}

function hostnameOf(report: JsonObject, what: string): string {
  const hostname = report['hostname'];
  if (typeof hostname !== 'string' || hostname === '') throw invalid(`${what} without hostname`);
  return hostname;
}

function certificateEvent(kind: 'expectct' | 'expectstaple' | 'hpkp', report: JsonObject): JsonObject {
  const what = { expectct: 'Expect-CT', expectstaple: 'Expect-Staple', hpkp: 'HPKP' }[kind];
  const hostname = hostnameOf(report, `${what} report`);
  const tags: [string, string][] = [['hostname', hostname]];
  if (report['port'] !== undefined && report['port'] !== null) tags.push(['port', String(report['port'])]);
  let formatted = `${what} failed for '${hostname}'`;
  if (kind === 'hpkp') {
    formatted = `Public key pinning validation failed for '${hostname}'`;
    if (typeof report['include-subdomains'] === 'boolean') {
      tags.push(['include-subdomains', String(report['include-subdomains'])]);
    }
  } else if (kind === 'expectstaple') {
    for (const key of ['response-status', 'cert-status']) {
      if (typeof report[key] === 'string') tags.push([key, report[key]]);
    }
  }
  return {
    type: kind,
    logger: 'csp',
    logentry: { formatted },
    ...(kind === 'hpkp' ? {} : { culprit: hostname }),
    tags,
    request: { url: hostname },
    [kind]: snakeKeys(report),
  };
}

/** One report object -> an event, or null for Reporting API types Sentry does not ingest (deprecation, ...). */
function reportToEvent(report: unknown): JsonObject | null {
  if (!isObject(report)) throw invalid('not a JSON object');
  if (isObject(report['csp-report'])) return cspReportToEvent(report['csp-report']);
  if (typeof report['type'] === 'string') {
    if (report['type'] !== 'csp-violation') return null;
    if (!isObject(report['body'])) throw invalid("csp-violation without 'body'");
    const event = cspReportToEvent(report['body']);
    const userAgent = report['user_agent'];
    if (typeof userAgent === 'string') {
      const request = event['request'] as JsonObject;
      request['headers'] = [...((request['headers'] as unknown[]) ?? []), ['User-Agent', userAgent]];
    }
    return event;
  }
  if (isObject(report['expect-ct-report'])) return certificateEvent('expectct', report['expect-ct-report']);
  if (isObject(report['expect-staple-report']))
    return certificateEvent('expectstaple', report['expect-staple-report']);
  if (Array.isArray(report['known-pins'])) return certificateEvent('hpkp', report);
  throw invalid('unknown report format');
}

function firstString(value: unknown): string | undefined {
  if (Array.isArray(value)) return firstString(value[0]);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Browser security reports (spec §2 `/security/`, `/csp-report/`) -> Sentry event objects, one per report.
 * Reporting API batches (`application/reports+json`) become several events; unsupported report types are skipped.
 * `?sentry_release=` / `?sentry_environment=` fill release and environment (browsers cannot send them).
 */
export function securityReportToEvents(
  body: unknown,
  query: Record<string, unknown>,
): Record<string, unknown>[] {
  const reports = Array.isArray(body) ? body : [body];
  const release = firstString(query['sentry_release']);
  const environment = firstString(query['sentry_environment']);
  const events: JsonObject[] = [];
  for (const report of reports) {
    const event = reportToEvent(report);
    if (event === null) continue;
    if (release !== undefined) event['release'] = release;
    if (environment !== undefined) event['environment'] = environment;
    events.push(event);
  }
  return events;
}

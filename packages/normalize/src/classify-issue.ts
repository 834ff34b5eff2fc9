import type { ErrorClass, SentryEvent, Severity } from '@fixloop/core';
import { ERROR_CLASS_RULES, ruleMatches, type ErrorFacts } from './error-class-rules.ts';
import { eventHandled } from './event-auto-tags.ts';
import { parseLevel } from './event-level.ts';
import { isObject, type JsonObject } from './json-value.ts';

/** The seeds' severity and error class of a normalized event (see error-class-rules.ts for the table). */
export function classifyIssue(event: SentryEvent): { severity: Severity; errorClass: ErrorClass } {
  return { severity: severityOf(event), errorClass: errorClassOf(event) };
}

function severityOf(event: SentryEvent): Severity {
  const level = parseLevel(event.level) ?? 'error';
  if (level === 'fatal' || eventHandled(event) === false) return 'blocking';
  if (level === 'warning') return 'warning';
  if (level === 'info' || level === 'debug') return 'info';
  return 'annoying';
}

function errorClassOf(event: SentryEvent): ErrorClass {
  const level = parseLevel(event.level) ?? 'error';
  const exceptions = exceptionValues(event);
  if (exceptions.length === 0) return level === 'fatal' ? 'crash' : 'unknown';
  const platform = typeof event.platform === 'string' ? event.platform : 'other';
  // The newest exception names the event; causes further down the chain can still say what it really was.
  for (let i = exceptions.length - 1; i >= 0; i--) {
    const facts = factsOf(exceptions[i] as JsonObject, event, level, platform);
    const rule = ERROR_CLASS_RULES.find((r) => ruleMatches(r, facts));
    if (rule) return rule.errorClass;
  }
  // In the browser, an error no rule recognizes (TypeError, ReferenceError, a thrown Error) is a bug in the page's code.
  return platform === 'javascript' ? 'javascript' : 'runtime';
}

function exceptionValues(event: SentryEvent): JsonObject[] {
  const exception = event.exception;
  const list = Array.isArray(exception) ? exception : isObject(exception) ? exception.values : null;
  return Array.isArray(list) ? list.filter(isObject) : [];
}

function factsOf(exception: JsonObject, event: SentryEvent, level: string, platform: string): ErrorFacts {
  const mechanism = isObject(exception.mechanism) ? exception.mechanism : {};
  const meta = isObject(mechanism.meta) ? mechanism.meta : {};
  const value = typeof exception.value === 'string' ? exception.value : '';
  return {
    type: typeof exception.type === 'string' ? exception.type : '',
    value,
    module: typeof exception.module === 'string' ? exception.module : '',
    mechanismType: typeof mechanism.type === 'string' ? mechanism.type : '',
    hasSignal: meta.signal !== undefined || meta.mach_exception !== undefined,
    level,
    platform,
    statusCode: statusCodeOf(mechanism, value),
  };
}

const STATUS_IN_TEXT = [
  /status(?:\s*code)?[\s:=]*([1-5]\d\d)\b/i,
  /\bHTTP(?:\/[\d.]+)?\s+([1-5]\d\d)\b/i,
  /^([1-5]\d\d)\b/,
  /\b([1-5]\d\d)\s+(?:Bad Request|Unauthorized|Forbidden|Not Found|Conflict|Unprocessable|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)/i,
];

/**
 * Not `contexts.response`: on servers it is the response being served, often a 500 caused by any error.
 */
function statusCodeOf(mechanism: JsonObject, value: string): number | null {
  const data = isObject(mechanism.data) ? mechanism.data : {};
  for (const candidate of [data.status_code, data.status]) {
    const code = Number(candidate);
    if (Number.isInteger(code) && code >= 100 && code < 600) return code;
  }
  for (const pattern of STATUS_IN_TEXT) {
    const match = pattern.exec(value);
    if (match) return Number(match[1]);
  }
  return null;
}

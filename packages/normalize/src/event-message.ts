import { coerceString, isObject, truncate, type JsonObject } from './json-value.ts';
import type { ProcessingErrors } from './processing-errors.ts';

export const MAX_MESSAGE_LENGTH = 8192;

export interface LogEntry {
  message?: string;
  params?: unknown[] | JsonObject;
  formatted: string;
}

/**
 * Relay aliases the legacy top-level `message` (string or object) to `logentry`; `logentry` itself may
 * also arrive as a bare string (Go SDK). `logentry` wins when both carry text.
 */
export function normalizeLogEntry(
  logentry: unknown,
  message: unknown,
  errors: ProcessingErrors,
): LogEntry | null {
  return toLogEntry(logentry, 'logentry', errors) ?? toLogEntry(message, 'message', errors);
}

function toLogEntry(value: unknown, name: string, errors: ProcessingErrors): LogEntry | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string')
    return value.length ? { formatted: truncate(value, MAX_MESSAGE_LENGTH) } : null;
  if (!isObject(value)) {
    errors.invalid(name, value);
    return null;
  }
  const template = coerceString(value.message);
  const params = Array.isArray(value.params) || isObject(value.params) ? value.params : undefined;
  const given = coerceString(value.formatted);
  const formatted = given || (template !== null ? formatMessage(template, params) : '');
  if (!formatted && !template) return null;
  const entry: LogEntry = { formatted: truncate(formatted || (template ?? ''), MAX_MESSAGE_LENGTH) };
  if (template !== null) entry.message = truncate(template, MAX_MESSAGE_LENGTH);
  if (params !== undefined) entry.params = params;
  return entry;
}

/** `%s`-style list params, `%(name)s` / `{name}` dict params (Python logging, .NET/Serilog templates). */
export function formatMessage(template: string, params: unknown[] | JsonObject | undefined): string {
  if (params === undefined) return template;
  if (Array.isArray(params)) return formatPositional(template, params);
  return template
    .replace(/%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGoc]/g, (whole, key: string) =>
      Object.hasOwn(params, key) ? paramText(params[key]) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, key: string) =>
      Object.hasOwn(params, key) ? paramText(params[key]) : whole,
    );
}

function formatPositional(template: string, params: unknown[]): string {
  let index = 0;
  const percent = template.replace(/%%|%[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGoc]/g, (spec) => {
    if (spec === '%%') return '%';
    return index < params.length ? paramText(params[index++]) : spec;
  });
  // .NET and Serilog style positional placeholders: {0}, {1}.
  return percent.replace(/\{(\d+)\}/g, (whole, n: string) =>
    Number(n) < params.length ? paramText(params[Number(n)]) : whole,
  );
}

function paramText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

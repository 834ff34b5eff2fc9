import type { SentryEvent } from '@fixloop/core';

export interface CapturedFrame {
  function: string | null;
  module: string | null;
  /** abs_path then filename, as the runtime reported them. */
  paths: string[];
  lineno: number | null;
  colno: number | null;
  inApp: boolean | null;
  /** The frame's captured local variables as sent (Node: LocalVariables; Python: repr strings). */
  vars: Record<string, unknown> | null;
}

export interface CapturedRequest {
  method: string | null;
  url: string | null;
  query: Record<string, string>;
  data: unknown;
  headers: Record<string, string>;
}

/** The parts of an event a reproduction and the fixers work from. */
export interface CapturedError {
  type: string;
  value: string;
  platform: string;
  /** Innermost (crashing) frame first. */
  frames: CapturedFrame[];
  request: CapturedRequest | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The event's main exception (the last value, Sentry's order), or null when the event has none. */
export function capturedError(event: SentryEvent): CapturedError | null {
  const values = isObj(event.exception) ? event.exception.values : undefined;
  const main: unknown = Array.isArray(values) ? values[values.length - 1] : undefined;
  if (!isObj(main)) return null;
  const stacktrace = isObj(main.stacktrace) ? main.stacktrace : {};
  const frames = Array.isArray(stacktrace.frames) ? stacktrace.frames.filter(isObj) : [];
  return {
    type: str(main.type) ?? 'Error',
    value: typeof main.value === 'string' ? main.value : '',
    platform: str(event.platform) ?? 'javascript',
    frames: frames.reverse().map(toFrame),
    request: toRequest(event.request),
  };
}

function toFrame(frame: Obj): CapturedFrame {
  return {
    function: str(frame.function),
    module: str(frame.module),
    paths: [str(frame.abs_path), str(frame.filename)].filter((p): p is string => p !== null),
    lineno: num(frame.lineno),
    colno: num(frame.colno),
    inApp: typeof frame.in_app === 'boolean' ? frame.in_app : null,
    vars: isObj(frame.vars) ? frame.vars : null,
  };
}

function toRequest(request: unknown): CapturedRequest | null {
  if (!isObj(request)) return null;
  return {
    method: str(request.method),
    url: str(request.url),
    query: stringRecord(parseQuery(request.query_string ?? queryOfUrl(request.url))),
    data: parseData(request.data),
    headers: stringRecord(
      isObj(request.headers)
        ? request.headers
        : Array.isArray(request.headers)
          ? Object.fromEntries(request.headers as [string, unknown][])
          : {},
    ),
  };
}

function parseQuery(query: unknown): Obj {
  if (isObj(query)) return query;
  if (Array.isArray(query)) return Object.fromEntries(query as [string, unknown][]);
  return typeof query === 'string' ? Object.fromEntries(new URLSearchParams(query)) : {};
}

function queryOfUrl(url: unknown): string {
  return typeof url === 'string' && url.includes('?')
    ? url.slice(url.indexOf('?') + 1).replace(/#.*$/, '')
    : '';
}

function parseData(data: unknown): unknown {
  if (typeof data !== 'string') return data ?? null;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

function stringRecord(value: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string') out[key] = v;
  return out;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] =>
  Array.isArray(v) ? v : isObject(v) && Array.isArray(v['values']) ? v['values'] : [];
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** `[k, v]` pairs from an object or a pair list (Sentry's API form of headers, cookies and query). */
function pairs(value: unknown): [string, string][] | null {
  if (Array.isArray(value))
    return value.filter((p): p is [string, string] => Array.isArray(p) && p.length === 2);
  if (isObject(value))
    return Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
  if (typeof value === 'string') return [...new URLSearchParams(value.replace(/^\?/, ''))];
  return null;
}

/** A stored (snake_case) frame as Sentry's API shows it: camelCase, context as `[lineNo, line]` pairs. */
export function frameJson(frame: unknown): Json {
  const f = isObject(frame) ? frame : {};
  const lineNo = num(f['lineno']);
  const pre = list(f['pre_context']).map(String);
  const post = list(f['post_context']).map(String);
  const line = text(f['context_line']);
  const context: [number, string][] =
    lineNo === null || line === null
      ? []
      : [
          ...pre.map((l, i): [number, string] => [lineNo - pre.length + i, l]),
          [lineNo, line],
          ...post.map((l, i): [number, string] => [lineNo + 1 + i, l]),
        ];
  return {
    filename: text(f['filename']),
    absPath: text(f['abs_path']),
    module: text(f['module']),
    package: text(f['package']),
    platform: text(f['platform']),
    instructionAddr: text(f['instruction_addr']),
    symbolAddr: text(f['symbol_addr']),
    function: text(f['function']),
    rawFunction: text(f['raw_function']),
    symbol: text(f['symbol']),
    context,
    lineNo,
    colNo: num(f['colno']),
    inApp: f['in_app'] === true,
    trust: text(f['trust']),
    errors: null,
    vars: isObject(f['vars']) ? f['vars'] : null,
  };
}

function stacktraceJson(stacktrace: unknown): Json | null {
  if (!isObject(stacktrace)) return null;
  const frames = list(stacktrace['frames']).map(frameJson);
  return {
    frames,
    framesOmitted: null,
    registers: null,
    hasSystemFrames: frames.some((f) => f['inApp'] !== true),
  };
}

function exceptionEntry(exception: unknown): Json | null {
  const values = list(exception).filter(isObject);
  if (values.length === 0) return null;
  const data = values.map((v) => ({
    type: text(v['type']),
    value: text(v['value']),
    module: text(v['module']),
    threadId: v['thread_id'] ?? null,
    mechanism: isObject(v['mechanism']) ? v['mechanism'] : null,
    stacktrace: stacktraceJson(v['stacktrace']),
    // The frames as the SDK sent them, when symbolication replaced them.
    rawStacktrace: stacktraceJson(v['raw_stacktrace']),
  }));
  return {
    type: 'exception',
    data: {
      values: data,
      excOmitted: null,
      hasSystemFrames: data.some((v) => v.stacktrace?.['hasSystemFrames'] === true),
    },
  };
}

function breadcrumbsEntry(breadcrumbs: unknown): Json | null {
  const values = list(breadcrumbs).filter(isObject);
  if (values.length === 0) return null;
  return {
    type: 'breadcrumbs',
    data: {
      values: values.map((b) => ({
        type: text(b['type']) ?? 'default',
        category: text(b['category']),
        level: text(b['level']) ?? 'info',
        message: text(b['message']),
        data: isObject(b['data']) ? b['data'] : null,
        timestamp:
          num(b['timestamp']) === null ? null : new Date((num(b['timestamp']) ?? 0) * 1000).toISOString(),
        event_id: null,
      })),
    },
  };
}

function requestEntry(request: unknown): Json | null {
  if (!isObject(request)) return null;
  return {
    type: 'request',
    data: {
      url: text(request['url']),
      method: text(request['method']),
      data: request['data'] ?? null,
      query: pairs(request['query_string']) ?? [],
      fragment: text(request['fragment']),
      cookies: pairs(request['cookies']) ?? [],
      headers: pairs(request['headers']) ?? [],
      env: isObject(request['env']) ? request['env'] : null,
      inferredContentType: null,
    },
  };
}

function threadsEntry(threads: unknown): Json | null {
  const values = list(threads).filter(isObject);
  if (values.length === 0) return null;
  return {
    type: 'threads',
    data: {
      values: values.map((t) => ({
        id: t['id'] ?? null,
        name: text(t['name']),
        crashed: t['crashed'] === true,
        current: t['current'] === true,
        stacktrace: stacktraceJson(t['stacktrace']),
        rawStacktrace: stacktraceJson(t['raw_stacktrace']),
      })),
    },
  };
}

/** Sentry's `entries`, in Sentry's order: exception, message, threads, request, breadcrumbs. */
export function eventEntries(payload: Json): Json[] {
  const logentry = isObject(payload['logentry']) ? payload['logentry'] : null;
  const message =
    logentry === null
      ? null
      : {
          type: 'message',
          data: {
            formatted: text(logentry['formatted']),
            message: text(logentry['message']),
            params: logentry['params'] ?? null,
          },
        };
  return [
    exceptionEntry(payload['exception']),
    message,
    threadsEntry(payload['threads']),
    requestEntry(payload['request']),
    breadcrumbsEntry(payload['breadcrumbs']),
  ].filter((e): e is Json => e !== null);
}

/** A stack trace string turned into Sentry frames (oldest call first, the failing frame last). */
export interface ParsedStack {
  platform: 'node' | 'javascript' | 'python';
  type: string | null;
  value: string | null;
  frames: Record<string, unknown>[];
}

const V8_CALL = /^\s*at (?:new |async )?(.*?) \((.+):(\d+):(\d+)\)$/;
const V8_BARE = /^\s*at (?:async )?(.+):(\d+):(\d+)$/;
const GECKO = /^\s*([^@\s]*)@(.+):(\d+):(\d+)$/;
const PY_FRAME = /^\s*File "(.+)", line (\d+)(?:, in (.+))?$/;
const HEADER = /^([A-Za-z_$][\w$.]*(?:Error|Exception|Warning|Exit|Interrupt)|[A-Z][\w$.]*)(?::\s*(.*))?$/;

const NOT_APP = /node_modules|site-packages|dist-packages|^node:|^internal\/|<anonymous>|^\[native code\]$/;

function jsFrame(fn: string, file: string, line: string, col: string): Record<string, unknown> {
  const fromUrl = /^https?:\/\//.test(file);
  return {
    function: fn === '' ? '?' : fn,
    filename: file,
    abs_path: file,
    lineno: Number(line),
    colno: Number(col),
    in_app: !NOT_APP.test(file),
    ...(fromUrl ? { platform: 'javascript' } : {}),
  };
}

/** V8 (`at fn (file:1:2)`, newest first) and Gecko/WebKit (`fn@file:1:2`) stacks. */
function parseJavaScript(lines: string[]): ParsedStack | null {
  const frames: Record<string, unknown>[] = [];
  let header: RegExpExecArray | null = null;
  for (const line of lines) {
    const call = V8_CALL.exec(line);
    const bare = call === null ? V8_BARE.exec(line) : null;
    const gecko = call === null && bare === null ? GECKO.exec(line) : null;
    if (call !== null) frames.push(jsFrame(call[1] ?? '', call[2] ?? '', call[3] ?? '0', call[4] ?? '0'));
    else if (bare !== null) frames.push(jsFrame('', bare[1] ?? '', bare[2] ?? '0', bare[3] ?? '0'));
    else if (gecko !== null)
      frames.push(jsFrame(gecko[1] ?? '', gecko[2] ?? '', gecko[3] ?? '0', gecko[4] ?? '0'));
    else if (frames.length === 0 && header === null) header = HEADER.exec(line.trim());
  }
  if (frames.length === 0) return null;
  const browser = frames.some((f) => f['platform'] === 'javascript');
  return {
    platform: browser ? 'javascript' : 'node',
    type: header?.[1] ?? null,
    value: header?.[2] ?? null,
    frames: frames.reverse(),
  };
}

/** `Traceback (most recent call last):` with `File "x.py", line 3, in fn` frames, oldest first. */
function parsePython(lines: string[]): ParsedStack | null {
  const frames: Record<string, unknown>[] = [];
  let last: Record<string, unknown> | null = null;
  for (const line of lines) {
    const frame = PY_FRAME.exec(line);
    if (frame !== null) {
      last = {
        function: frame[3] ?? '?',
        filename: frame[1],
        abs_path: frame[1],
        lineno: Number(frame[2]),
        in_app: !NOT_APP.test(frame[1] ?? ''),
      };
      frames.push(last);
    } else if (last !== null && /^\s{4,}\S/.test(line) && last['context_line'] === undefined) {
      last['context_line'] = line.trim();
    }
  }
  if (frames.length === 0) return null;
  const tail = [...lines].reverse().find((l) => l.trim() !== '' && !/^\s/.test(l));
  const header = tail === undefined ? null : HEADER.exec(tail.trim());
  return { platform: 'python', type: header?.[1] ?? null, value: header?.[2] ?? null, frames };
}

/** Parses JavaScript and Python stack strings; null when it recognizes no frame (group by message then). */
export function parseStackString(stack: string): ParsedStack | null {
  const lines = stack.split(/\r?\n/).slice(0, 500);
  if (lines.some((l) => PY_FRAME.test(l))) return parsePython(lines);
  return parseJavaScript(lines);
}

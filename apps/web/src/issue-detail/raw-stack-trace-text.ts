import type { Frame } from './normalize-frame.ts';

/** The trace as plain text, newest frame last, the way the runtime printed it: easy to copy. */
export function rawStackTraceText(type: string, value: string, frames: Frame[], platform?: string): string {
  const head = value ? `${type}: ${value}` : type;
  if (platform === 'python') {
    const lines = frames.map(
      (f) =>
        `  File "${f.filename}", line ${f.lineNo ?? '?'}, in ${f.function ?? '<module>'}` +
        (contextLine(f) ? `\n    ${contextLine(f)}` : ''),
    );
    return ['Traceback (most recent call last):', ...lines, head].join('\n');
  }
  const lines = [...frames].reverse().map((f) => {
    const where = `${f.filename}:${f.lineNo ?? '?'}${f.colNo !== null ? `:${f.colNo}` : ''}`;
    return f.function ? `    at ${f.function} (${where})` : `    at ${where}`;
  });
  return [head, ...lines].join('\n');
}

function contextLine(frame: Frame): string | undefined {
  return frame.context.find(([line]) => line === frame.lineNo)?.[1]?.trim();
}

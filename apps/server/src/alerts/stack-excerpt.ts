interface FrameShape {
  filename?: unknown;
  abs_path?: unknown;
  function?: unknown;
  lineno?: unknown;
  colno?: unknown;
  in_app?: unknown;
}

const MAX_FRAMES = 8;

/**
 * The top of the crashing stack, innermost frame first, in-app frames preferred: what an alert shows.
 * Read defensively from the stored event (any shape); the notifiers trim and scrub it again.
 */
export function stackExcerpt(payload: unknown): string | null {
  const values = (payload as { exception?: { values?: unknown } } | null)?.exception?.values;
  if (!Array.isArray(values) || values.length === 0) return null;
  const last = values[values.length - 1] as { stacktrace?: { frames?: unknown } } | undefined;
  const frames = last?.stacktrace?.frames;
  if (!Array.isArray(frames) || frames.length === 0) return null;
  const all = (frames as FrameShape[]).slice().reverse();
  const inApp = all.filter((f) => f.in_app === true);
  const chosen = (inApp.length > 0 ? inApp : all).slice(0, MAX_FRAMES);
  return chosen.map(formatFrame).join('\n');
}

function formatFrame(frame: FrameShape): string {
  const file =
    typeof frame.filename === 'string'
      ? frame.filename
      : typeof frame.abs_path === 'string'
        ? frame.abs_path
        : '?';
  const position = [frame.lineno, frame.colno].filter((n) => typeof n === 'number').join(':');
  const where = position ? `${file}:${position}` : file;
  return typeof frame.function === 'string' && frame.function
    ? `at ${frame.function} (${where})`
    : `at ${where}`;
}

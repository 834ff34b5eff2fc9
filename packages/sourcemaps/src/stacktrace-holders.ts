export type Frame = Record<string, unknown>;

/** A stack trace inside an event, with a way to swap in the symbolicated one. */
export interface StacktraceHolder {
  stacktrace: Record<string, unknown>;
  frames: Frame[];
  /** Puts the new stack trace in place and keeps the SDK's as `raw_stacktrace`. */
  replace(stacktrace: Record<string, unknown>, raw: Record<string, unknown>): void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{values: [...]}` or a bare list, as SDKs send exceptions and threads before normalization. */
function valuesOf(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : isRecord(value) ? value['values'] : null;
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

/** Every stack trace of a raw event with at least one frame: exceptions', then threads'. */
export function stacktraceHolders(event: Record<string, unknown>): StacktraceHolder[] {
  const holders: StacktraceHolder[] = [];
  for (const owner of [...valuesOf(event['exception']), ...valuesOf(event['threads'])]) {
    const stacktrace = owner['stacktrace'];
    if (!isRecord(stacktrace) || !Array.isArray(stacktrace['frames'])) continue;
    // A raw_stacktrace already there means someone symbolicated before us: leave it alone.
    if (owner['raw_stacktrace'] !== undefined) continue;
    const frames = stacktrace['frames'].map((frame: unknown) => (isRecord(frame) ? frame : {}));
    if (frames.length === 0) continue;
    holders.push({
      stacktrace,
      frames,
      replace(next, raw) {
        owner['stacktrace'] = next;
        owner['raw_stacktrace'] = raw;
      },
    });
  }
  return holders;
}

import type { IssueMetadata } from '@fixloop/core';
import { mainException } from './event-exception.ts';
import { firstLine, isObject, nonEmptyString, truncate, type JsonObject } from './json-value.ts';

const MAX_TITLE_LENGTH = 1024;

/** The crashing frame: the newest in-app frame, else the newest frame. */
export function topFrame(exception: JsonObject | null): JsonObject | null {
  const stacktrace = exception?.stacktrace;
  if (!isObject(stacktrace) || !Array.isArray(stacktrace.frames)) return null;
  // Same answer as scanning framesOf(exception), without building the filtered list on the hot path.
  const frames: unknown[] = stacktrace.frames;
  let last: JsonObject | null = null;
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i];
    if (!isObject(frame)) continue;
    if (frame.in_app === true) return frame;
    last ??= frame;
  }
  return last;
}

/** Synthetic exceptions (e.g. from a captured message) carry a meaningless type; Sentry names them by the frame. */
function exceptionType(exception: JsonObject): string {
  const mechanism = exception.mechanism;
  if (isObject(mechanism) && mechanism.synthetic === true) {
    const fn = nonEmptyString(topFrame(exception)?.function);
    if (fn) return fn;
  }
  return nonEmptyString(exception.type) ?? 'Error';
}

function isSynthetic(exception: JsonObject): boolean {
  return isObject(exception.mechanism) && exception.mechanism.synthetic === true;
}

/**
 * A typeless synthetic exception is only a carrier for the stack trace of a captured message
 * (@sentry/node 11 `captureMessage`): the message, not "?: <message>", names the event.
 */
function isMessageCarrier(exception: JsonObject, message: string): boolean {
  return isSynthetic(exception) && !nonEmptyString(exception.type) && firstLine(message) !== '';
}

export function eventTitle(event: JsonObject, message: string): string {
  const exception = mainException(event);
  if (exception && event.type !== 'csp' && !isMessageCarrier(exception, message)) {
    const type = exceptionType(exception);
    const value = typeof exception.value === 'string' ? firstLine(exception.value) : '';
    return truncate(value ? `${type}: ${value}` : type, MAX_TITLE_LENGTH);
  }
  const line = firstLine(message);
  return line ? truncate(line, MAX_TITLE_LENGTH) : '<unknown>';
}

export function eventMetadata(event: JsonObject, title: string, message = ''): IssueMetadata {
  const exception = mainException(event);
  if (!exception || event.type === 'csp' || isMessageCarrier(exception, message)) return { title };
  const metadata: IssueMetadata = { type: exceptionType(exception) };
  if (typeof exception.value === 'string' && exception.value)
    metadata.value = truncate(exception.value, 1024);
  const frame = topFrame(exception);
  const filename = nonEmptyString(frame?.filename) ?? nonEmptyString(frame?.abs_path);
  if (filename) metadata.filename = filename;
  const fn = nonEmptyString(frame?.function);
  if (fn) metadata.function = fn;
  return metadata;
}

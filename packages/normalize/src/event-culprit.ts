import { mainException } from './event-exception.ts';
import { topFrame } from './event-title.ts';
import { nonEmptyString, truncate, type JsonObject } from './json-value.ts';

const MAX_CULPRIT_LENGTH = 200;
const JS_PLATFORMS = new Set(['javascript', 'node']);

/**
 * Where the error happened, as Sentry shows it under the title: JS `"onError(app/views/form)"`, others
 * `"app.views in on_error"`. CSP reports keep the culprit they were given; else the transaction.
 */
export function eventCulprit(event: JsonObject): string {
  if (event.type === 'csp' && typeof event.culprit === 'string')
    return truncate(event.culprit, MAX_CULPRIT_LENGTH);
  const frame = topFrame(mainException(event));
  const fromFrame = frame ? frameCulprit(frame, String(frame.platform ?? event.platform ?? '')) : '';
  if (fromFrame) return truncate(fromFrame, MAX_CULPRIT_LENGTH);
  const fallback = nonEmptyString(event.transaction) ?? nonEmptyString(event.culprit) ?? '';
  return truncate(fallback, MAX_CULPRIT_LENGTH);
}

function frameCulprit(frame: JsonObject, platform: string): string {
  const fn = nonEmptyString(frame.function);
  const location =
    nonEmptyString(frame.module) ?? nonEmptyString(frame.filename) ?? nonEmptyString(frame.abs_path);
  if (JS_PLATFORMS.has(platform)) {
    if (!fn && !location) return '';
    return location ? `${fn ?? '?'}(${location})` : (fn ?? '');
  }
  if (location && fn) return `${location} in ${fn}`;
  return location ?? fn ?? '';
}

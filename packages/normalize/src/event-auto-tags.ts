import { MAX_TAG_VALUE_LENGTH } from './event-tags.ts';
import { mainException } from './event-exception.ts';
import { contextTag } from './event-contexts.ts';
import { isObject, nonEmptyString, type JsonObject } from './json-value.ts';

interface AutoTagInput {
  event: JsonObject;
  handled: boolean | null;
  userKey: string | null;
}

/** The event's own tags plus the tags Sentry adds on ingest (level, environment, browser, …); last wins. */
export function eventTags(ownTags: [string, string][], input: AutoTagInput): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [key, value] of ownTags) tags[key] = value;
  const { event } = input;
  const contexts = isObject(event.contexts) ? event.contexts : {};
  const set = (key: string, value: unknown): void => {
    const text = nonEmptyString(value);
    if (text) tags[key] = text.length > MAX_TAG_VALUE_LENGTH ? text.slice(0, MAX_TAG_VALUE_LENGTH) : text;
  };
  for (const key of ['level', 'environment', 'release', 'dist', 'server_name', 'logger', 'transaction']) {
    set(key, event[key]);
  }
  // Context-derived tags only fill gaps: an SDK's explicit `browser` tag is more precise than a UA guess.
  const setIfMissing = (key: string, value: unknown): void => {
    if (tags[key] === undefined) set(key, value);
  };
  setIfMissing('browser', contextTag(contexts.browser, true));
  setIfMissing('browser.name', isObject(contexts.browser) ? contexts.browser.name : null);
  setIfMissing('os', contextTag(contexts.os, false));
  setIfMissing('os.name', isObject(contexts.os) ? contexts.os.name : null);
  setIfMissing(
    'device',
    isObject(contexts.device) ? (contexts.device.model ?? contexts.device.family) : null,
  );
  setIfMissing('runtime', contextTag(contexts.runtime, false));
  setIfMissing('runtime.name', isObject(contexts.runtime) ? contexts.runtime.name : null);
  if (input.handled !== null) set('handled', input.handled ? 'yes' : 'no');
  const mechanism = mainException(event)?.mechanism;
  if (isObject(mechanism)) set('mechanism', mechanism.type);
  // Sentry's url tag drops the query string: it is high-cardinality and often carries secrets.
  if (isObject(event.request) && typeof event.request.url === 'string')
    set('url', event.request.url.split(/[?#]/)[0]);
  set('user', input.userKey);
  return tags;
}

/** false when any exception's mechanism says unhandled; null without exception. */
export function eventHandled(event: JsonObject): boolean | null {
  const exception = event.exception;
  if (!isObject(exception) || !Array.isArray(exception.values) || exception.values.length === 0) return null;
  for (const value of exception.values) {
    if (isObject(value) && isObject(value.mechanism) && value.mechanism.handled === false) return false;
  }
  return true;
}

import { MAX_TAG_VALUE_LENGTH } from './event-tags.ts';
import { mainException } from './event-exception.ts';
import { contextTag } from './event-contexts.ts';
import { isObject, nonEmptyString, type JsonObject } from './json-value.ts';

interface AutoTagInput {
  event: JsonObject;
  handled: boolean | null;
  userKey: string | null;
}

const EVENT_FIELD_TAGS = ['level', 'environment', 'release', 'dist', 'server_name', 'logger', 'transaction'];

/** The event's own tags plus the tags Sentry adds on ingest (level, environment, browser, …); last wins. */
export function eventTags(ownTags: [string, string][], input: AutoTagInput): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [key, value] of ownTags) tags[key] = value;
  const { event } = input;
  const contexts = isObject(event.contexts) ? event.contexts : {};
  for (const key of EVENT_FIELD_TAGS) setTag(tags, key, event[key]);
  // Context-derived tags only fill gaps: an SDK's explicit `browser` tag is more precise than a UA guess.
  const browser = isObject(contexts.browser) ? contexts.browser : null;
  const os = isObject(contexts.os) ? contexts.os : null;
  const device = isObject(contexts.device) ? contexts.device : null;
  const runtime = isObject(contexts.runtime) ? contexts.runtime : null;
  if (tags.browser === undefined) setTag(tags, 'browser', contextTag(browser, true));
  if (tags['browser.name'] === undefined) setTag(tags, 'browser.name', browser?.name);
  if (tags.os === undefined) setTag(tags, 'os', contextTag(os, false));
  if (tags['os.name'] === undefined) setTag(tags, 'os.name', os?.name);
  if (tags.device === undefined) setTag(tags, 'device', device ? (device.model ?? device.family) : null);
  if (tags.runtime === undefined) setTag(tags, 'runtime', contextTag(runtime, false));
  if (tags['runtime.name'] === undefined) setTag(tags, 'runtime.name', runtime?.name);
  if (input.handled !== null) setTag(tags, 'handled', input.handled ? 'yes' : 'no');
  const mechanism = mainException(event)?.mechanism;
  if (isObject(mechanism)) setTag(tags, 'mechanism', mechanism.type);
  // Sentry's url tag drops the query string: it is high-cardinality and often carries secrets.
  if (isObject(event.request) && typeof event.request.url === 'string')
    setTag(tags, 'url', withoutQuery(event.request.url));
  setTag(tags, 'user', input.userKey);
  return tags;
}

function setTag(tags: Record<string, string>, key: string, value: unknown): void {
  const text = nonEmptyString(value);
  if (text) tags[key] = text.length > MAX_TAG_VALUE_LENGTH ? text.slice(0, MAX_TAG_VALUE_LENGTH) : text;
}

/** `url.split(/[?#]/)[0]` without the regex split. */
function withoutQuery(url: string): string {
  const query = url.indexOf('?');
  const hash = url.indexOf('#');
  const cut = query === -1 ? hash : hash === -1 ? query : Math.min(query, hash);
  return cut === -1 ? url : url.slice(0, cut);
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

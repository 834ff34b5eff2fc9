import UAParser from 'ua-parser-js';
import { isObject, type JsonObject } from './json-value.ts';

interface DerivedContexts {
  browser?: JsonObject;
  os?: JsonObject;
  device?: JsonObject;
}

/** Parsing costs ~35 µs and real traffic repeats a handful of User-Agents, so results are cached. */
const CACHE_LIMIT = 1000;
const cache = new Map<string, DerivedContexts>();

/** Fills `browser` / `os` / `device` from the User-Agent when the SDK did not send them (as Relay does). */
export function addUserAgentContexts(contexts: JsonObject, userAgent: string | null): void {
  if (!userAgent) return;
  const derived = parseUserAgent(userAgent);
  for (const key of ['browser', 'os', 'device'] as const) {
    const value = derived[key];
    if (value && !isObject(contexts[key])) contexts[key] = { ...value };
  }
}

export function parseUserAgent(userAgent: string): DerivedContexts {
  const hit = cache.get(userAgent);
  if (hit) return hit;
  const result = new UAParser(userAgent.slice(0, 1000)).getResult();
  const derived: DerivedContexts = {};
  if (result.browser.name) {
    derived.browser = compact({
      type: 'browser',
      name: result.browser.name,
      version: result.browser.version,
    });
  }
  if (result.os.name) derived.os = compact({ type: 'os', name: result.os.name, version: result.os.version });
  if (result.device.model || result.device.vendor) {
    derived.device = compact({
      type: 'device',
      family: result.device.model,
      model: result.device.model,
      brand: result.device.vendor,
    });
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(userAgent, derived);
  return derived;
}

function compact(value: Record<string, string | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(value)) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

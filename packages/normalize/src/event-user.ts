import { coerceString, copyJsonObject, isObject, type JsonObject } from './json-value.ts';
import type { ProcessingErrors } from './processing-errors.ts';

const AUTO_IP = '{{auto}}';

/**
 * `id` may be an int (sentry-python lets apps pass one) -> string. The IP is inferred from the client when
 * the SDK asks for it: `ip_address: "{{auto}}"` (older SDKs) or `sdk.settings.infer_ip: "auto"`.
 */
export function normalizeUser(
  value: unknown,
  sdk: unknown,
  clientIp: string | null,
  errors: ProcessingErrors,
): JsonObject | null {
  if (value !== undefined && value !== null && !isObject(value)) errors.invalid('user', value);
  const user: JsonObject = isObject(value) ? copyJsonObject(value) : {};
  for (const key of ['id', 'username', 'email', 'name'] as const) {
    if (user[key] === undefined || user[key] === null) continue;
    const text = coerceString(user[key]);
    if (text === null || text === '') {
      if (text === null) errors.invalid(`user.${key}`, user[key]);
      delete user[key];
    } else user[key] = text;
  }
  const inferIp = user.ip_address === AUTO_IP || inferIpSetting(sdk) === 'auto';
  if (inferIp && (user.ip_address === undefined || user.ip_address === AUTO_IP)) {
    if (clientIp) user.ip_address = clientIp;
    else delete user.ip_address;
  } else if (user.ip_address !== undefined && typeof user.ip_address !== 'string') {
    errors.invalid('user.ip_address', user.ip_address);
    delete user.ip_address;
  }
  return Object.keys(user).length ? user : null;
}

function inferIpSetting(sdk: unknown): unknown {
  return isObject(sdk) && isObject(sdk.settings) ? sdk.settings.infer_ip : undefined;
}

/** "id:…", else "email:…", else "username:…", else "ip:…": the identity used to count affected users. */
export function userKey(user: unknown): string | null {
  if (!isObject(user)) return null;
  for (const [key, prefix] of [
    ['id', 'id'],
    ['email', 'email'],
    ['username', 'username'],
    ['ip_address', 'ip'],
  ] as const) {
    const value = user[key];
    if (typeof value === 'string' && value !== '' && value !== '[Filtered]') return `${prefix}:${value}`;
  }
  return null;
}

import { AppError } from '@fixloop/core';

const REFERENCE = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * Secrets do not belong in a config file that is committed: a string value `"env:NAME"` anywhere in
 * the file is replaced by the environment variable NAME before validation. A missing variable is a
 * config error naming both the key path and the variable.
 */
export function resolveEnvReferences(
  value: unknown,
  env: Record<string, string | undefined>,
  label: string,
  path = '',
): unknown {
  if (typeof value === 'string') {
    const name = REFERENCE.exec(value)?.[1];
    if (name === undefined) return value;
    const resolved = env[name];
    if (resolved === undefined || resolved === '') {
      throw new AppError('config_invalid', `${label}: ${path}: environment variable ${name} is not set`);
    }
    return resolved;
  }
  if (Array.isArray(value))
    return value.map((item, i) => resolveEnvReferences(item, env, label, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        resolveEnvReferences(item, env, label, path === '' ? key : `${path}.${key}`),
      ]),
    );
  }
  return value;
}

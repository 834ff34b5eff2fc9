import { AppError } from '@fixloop/core';
import { compileGlob, normalizePath } from './glob-pattern.ts';
import type { StackFrame } from './stack-frame.ts';
import { unquote } from './rule-tokens.ts';

/** What exception-level matchers (`error.type`, `error.value`, `error.mechanism`) look at. */
export interface ExceptionInfo {
  type?: string;
  value?: string;
  mechanism?: string;
}

export interface FrameMatcher {
  key: string;
  exception: boolean;
  test(frame: StackFrame, family: string, exception: ExceptionInfo | undefined): boolean;
}

const KEY_ALIASES: Record<string, string> = {
  abs_path: 'path',
  'error.type': 'type',
  'error.value': 'value',
  'error.mechanism': 'mechanism',
};

type Getter = (frame: StackFrame) => string | undefined;

/** Path-like values (abs_path falling back to filename), matched lowercased with `/` separators. */
const PATH_GETTERS: Record<string, Getter> = {
  path: (f) => {
    const value = f.absPath ?? f.filename;
    if (value === undefined) return undefined;
    return (f.matchPath ??= normalizePath(value));
  },
  filename: (f) => (f.filename === undefined ? undefined : (f.matchFilename ??= normalizePath(f.filename))),
  package: (f) => (f.package === undefined ? undefined : (f.matchPackage ??= normalizePath(f.package))),
};

const PLAIN_GETTERS: Record<string, Getter> = {
  module: (f) => f.module,
  function: (f) => f.function ?? f.rawFunction,
  category: (f) => f.category,
};

export function behaviorFamily(platform: string | undefined): string {
  if (platform === 'javascript' || platform === 'node') return 'javascript';
  if (platform && ['objc', 'cocoa', 'swift', 'native', 'c'].includes(platform)) return 'native';
  return 'other';
}

function splitMatcher(token: string): [boolean, string, string] {
  const negated = token.startsWith('!');
  const body = negated ? token.slice(1) : token;
  const colon = body.indexOf(':');
  if (colon <= 0) throw new AppError('config_invalid', `Invalid stack-trace rule matcher: ${token}`);
  let key = body.slice(0, colon);
  if (key.startsWith('stack.')) key = key.slice(6);
  return [negated, KEY_ALIASES[key] ?? key, unquote(body.slice(colon + 1))];
}

export function compileFrameMatcher(token: string): FrameMatcher {
  const [negated, key, pattern] = splitMatcher(token);
  const positive = positiveTest(key, pattern);
  const exception = key === 'type' || key === 'value' || key === 'mechanism';
  return {
    key,
    exception,
    test: negated ? (f, fam, exc) => !positive(f, fam, exc) : positive,
  };
}

function positiveTest(key: string, pattern: string): FrameMatcher['test'] {
  const pathGetter = PATH_GETTERS[key];
  if (pathGetter) {
    const glob = compileGlob(pattern, true);
    return (frame) => {
      const value = pathGetter(frame);
      if (value === undefined) return false;
      return glob.test(value) || (!value.startsWith('/') && glob.test(`/${value}`));
    };
  }
  const plainGetter = PLAIN_GETTERS[key];
  if (plainGetter) {
    const glob = compileGlob(pattern, false);
    return (frame) => {
      const value = plainGetter(frame);
      return value !== undefined && glob.test(value);
    };
  }
  if (key === 'family') {
    const families = new Set(pattern.split(',').map((f) => f.trim()));
    if (families.has('all')) return () => true;
    return (_frame, family) => families.has(family);
  }
  if (key === 'app') {
    const wanted = ['1', 'yes', 'true', 'on'].includes(pattern.toLowerCase());
    return (frame) => (frame.inApp === true) === wanted;
  }
  if (key === 'type' || key === 'value' || key === 'mechanism') {
    const glob = compileGlob(pattern, false);
    return (_frame, _family, exc) => {
      const value = exc?.[key];
      return value !== undefined && glob.test(value);
    };
  }
  throw new AppError('config_invalid', `Unknown stack-trace rule matcher "${key}"`);
}

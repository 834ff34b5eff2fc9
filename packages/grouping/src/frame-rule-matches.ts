import { BoundedLru } from './bounded-lru.ts';
import type { EnhancementRule } from './enhancement-rules.ts';
import type { StackFrame } from './stack-frame.ts';

/** Per rule: the frame's own matchers all hold, fail, or read state that rules change. */
export const MATCH = 1;
export const NO_MATCH = 2;
export const LIVE = 3;

/** `app:` and `category:` read what earlier rules set, so they are evaluated in rule order. */
const LIVE_KEYS = new Set(['app', 'category']);

/** Copies of just the fields the non-live matchers read, so an entry does not keep a whole frame. */
interface CachedMatches {
  rules: readonly EnhancementRule[];
  family: string;
  matches: Uint8Array;
  function: string | undefined;
  rawFunction: string | undefined;
  module: string | undefined;
  filename: string | undefined;
  absPath: string | undefined;
  package: string | undefined;
}

/**
 * Library and runtime frames recur across otherwise different stacks, and matching every rule's
 * globs against every frame is most of the work for a stack never seen before.
 */
const cache = new BoundedLru<string, CachedMatches>(5000);

function sameInputs(
  cached: CachedMatches,
  rules: readonly EnhancementRule[],
  frame: StackFrame,
  family: string,
) {
  return (
    cached.rules === rules &&
    cached.family === family &&
    cached.function === frame.function &&
    cached.rawFunction === frame.rawFunction &&
    cached.module === frame.module &&
    cached.filename === frame.filename &&
    cached.absPath === frame.absPath &&
    cached.package === frame.package
  );
}

function evaluate(rules: readonly EnhancementRule[], frame: StackFrame, family: string): Uint8Array {
  const matches = new Uint8Array(rules.length);
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as EnhancementRule;
    let outcome = MATCH;
    for (const matcher of rule.matchers) {
      if (LIVE_KEYS.has(matcher.key)) outcome = LIVE;
      else if (!matcher.test(frame, family, undefined)) {
        outcome = NO_MATCH;
        break;
      }
    }
    matches[i] = outcome;
  }
  return matches;
}

/**
 * For each rule, whether its own frame matchers hold for this frame (caller/callee and exception
 * matchers are checked by the caller). Exactly the fields the non-live matchers read are compared.
 */
export function frameRuleMatches(
  rules: readonly EnhancementRule[],
  frame: StackFrame,
  family: string,
): Uint8Array {
  const own = frame.ruleMatches;
  // The frame's fields do not change while rules run, so rules and family identify the entry.
  if (own && own.rules === rules && own.family === family) return own.matches;
  const key = `${family}|${frame.function}|${frame.module}|${frame.absPath ?? frame.filename}`;
  let entry = cache.get(key);
  if (!entry || !sameInputs(entry, rules, frame, family)) {
    entry = {
      rules,
      family,
      matches: evaluate(rules, frame, family),
      function: frame.function,
      rawFunction: frame.rawFunction,
      module: frame.module,
      filename: frame.filename,
      absPath: frame.absPath,
      package: frame.package,
    };
    cache.set(key, entry);
  }
  frame.ruleMatches = entry;
  return entry.matches;
}

/** For tests: forget every cached frame. */
export function clearFrameRuleMatches(): void {
  cache.clear();
}

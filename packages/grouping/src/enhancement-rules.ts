import { AppError } from '@fixloop/core';
import { compileFrameMatcher, type FrameMatcher } from './frame-matchers.ts';
import { tokenizeRuleLine, unquote } from './rule-tokens.ts';

/** `^` applies to the frames toward the crash (later in the list), `v` to the callers (earlier). */
export type RuleRange = 'up' | 'down' | null;

export interface FlagAction {
  key: 'app' | 'group';
  flag: boolean;
  range: RuleRange;
}

export interface EnhancementRule {
  text: string;
  matchers: FrameMatcher[];
  caller: FrameMatcher[] | null;
  callee: FrameMatcher[] | null;
  exceptionMatchers: FrameMatcher[];
  appActions: FlagAction[];
  groupActions: FlagAction[];
  category?: string;
  minFrames?: number;
  maxFrames?: number;
}

const FLAG_ACTION = /^([\^v]?)([+-])(app|group)$/;

/**
 * Parses Sentry's stack-trace rule syntax (`[caller] | matchers | [callee] actions`). Unknown
 * matcher keys are a config error, as they are in Sentry's UI.
 */
export function parseEnhancements(source: string): EnhancementRule[] {
  const rules: EnhancementRule[] = [];
  for (const rawLine of source.split(/\r?\n/)) {
    const tokens = tokenizeRuleLine(rawLine);
    if (tokens.length > 0) rules.push(parseRule(rawLine.trim(), tokens));
  }
  return rules;
}

function readBracket(tokens: string[], at: number): [string[], number] {
  const end = tokens.indexOf(']', at);
  if (end < 0) throw new AppError('config_invalid', 'Unclosed "[" in stack-trace rule');
  return [tokens.slice(at + 1, end), end + 1];
}

function parseRule(text: string, tokens: string[]): EnhancementRule {
  const rule: EnhancementRule = {
    text,
    matchers: [],
    caller: null,
    callee: null,
    exceptionMatchers: [],
    appActions: [],
    groupActions: [],
  };
  let i = 0;
  if (tokens[0] === '[') {
    const [inner, next] = readBracket(tokens, 0);
    rule.caller = inner.map(compileFrameMatcher);
    i = tokens[next] === '|' ? next + 1 : next;
  }
  for (; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token === '|' && tokens[i + 1] === '[') {
      const [inner, next] = readBracket(tokens, i + 1);
      rule.callee = inner.map(compileFrameMatcher);
      i = next - 1;
    } else if (FLAG_ACTION.test(token) || token.includes('=')) {
      addAction(rule, token);
    } else {
      const matcher = compileFrameMatcher(token);
      (matcher.exception ? rule.exceptionMatchers : rule.matchers).push(matcher);
    }
  }
  if (rule.appActions.length + rule.groupActions.length === 0 && rule.category === undefined) {
    if (rule.minFrames === undefined && rule.maxFrames === undefined) {
      throw new AppError('config_invalid', `Stack-trace rule without an action: ${text}`);
    }
  }
  return rule;
}

function addAction(rule: EnhancementRule, token: string): void {
  const flag = FLAG_ACTION.exec(token);
  if (flag) {
    const range: RuleRange = flag[1] === '^' ? 'up' : flag[1] === 'v' ? 'down' : null;
    const action: FlagAction = { key: flag[3] as 'app' | 'group', flag: flag[2] === '+', range };
    (action.key === 'app' ? rule.appActions : rule.groupActions).push(action);
    return;
  }
  const eq = token.indexOf('=');
  const key = token.slice(0, eq);
  const value = unquote(token.slice(eq + 1));
  if (key === 'category') rule.category = value;
  else if (key === 'min-frames') rule.minFrames = Number(value) || 0;
  else if (key === 'max-frames') rule.maxFrames = Number(value) || 0;
  // other variable actions (invert-stacktrace, ...) do not affect newstyle hashes
}

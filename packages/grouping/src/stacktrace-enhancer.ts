import { behaviorFamily, type ExceptionInfo } from './frame-matchers.ts';
import type { EnhancementRule, FlagAction } from './enhancement-rules.ts';
import { frameRuleMatches, LIVE, NO_MATCH } from './frame-rule-matches.ts';
import type { StackFrame } from './stack-frame.ts';

// Local copies: the hot loop should not go through module bindings.
const OWN_LIVE = LIVE;
const OWN_NO_MATCH = NO_MATCH;

/** Per-frame outcome of the grouping (`+group`/`-group`) rules, plus stack-level limits. */
export interface GroupingFlags {
  /** true/false when a rule forced the frame in or out of grouping; undefined otherwise. */
  group: (boolean | undefined)[];
  minFrames: number;
  maxFrames: number;
}

function ruleMatches(
  rules: readonly EnhancementRule[],
  ruleIndex: number,
  frames: StackFrame[],
  families: string[],
  ownMatches: Uint8Array[],
  idx: number,
  exception: ExceptionInfo | undefined,
): boolean {
  const rule = rules[ruleIndex] as EnhancementRule;
  const frame = frames[idx] as StackFrame;
  const family = families[idx] as string;
  const own = (ownMatches[idx] as Uint8Array)[ruleIndex];
  if (own === OWN_NO_MATCH) return false;
  if (own === OWN_LIVE) {
    for (const matcher of rule.matchers) if (!matcher.test(frame, family, exception)) return false;
  }
  if (rule.caller) {
    const caller = frames[idx - 1];
    if (!caller || !rule.caller.every((m) => m.test(caller, families[idx - 1] as string, exception)))
      return false;
  }
  if (rule.callee) {
    const callee = frames[idx + 1];
    if (!callee || !rule.callee.every((m) => m.test(callee, families[idx + 1] as string, exception)))
      return false;
  }
  return true;
}

function matchingIndexes(
  rules: readonly EnhancementRule[],
  ruleIndex: number,
  frames: StackFrame[],
  families: string[],
  ownMatches: Uint8Array[],
  exception: ExceptionInfo | undefined,
): number[] {
  const rule = rules[ruleIndex] as EnhancementRule;
  for (const matcher of rule.exceptionMatchers) {
    if (!matcher.test(frames[0] as StackFrame, '', exception)) return [];
  }
  const hits: number[] = [];
  for (let idx = 0; idx < frames.length; idx++) {
    if (ruleMatches(rules, ruleIndex, frames, families, ownMatches, idx, exception)) hits.push(idx);
  }
  return hits;
}

function rangeOf(action: FlagAction, idx: number, length: number): [number, number] {
  if (action.range === 'up') return [idx + 1, length];
  if (action.range === 'down') return [0, idx];
  return [idx, idx + 1];
}

export function frameFamilies(frames: StackFrame[], eventPlatform: string): string[] {
  return frames.map((frame) => behaviorFamily(frame.platform ?? eventPlatform));
}

/** Applies `+app`/`-app` and `category=` actions in place (Sentry does this at normalization). */
export function applyFrameModifications(
  rules: readonly EnhancementRule[],
  frames: StackFrame[],
  eventPlatform: string,
  exception: ExceptionInfo | undefined,
): void {
  if (frames.length === 0) return;
  const families = frameFamilies(frames, eventPlatform);
  const ownMatches = frames.map((frame, i) => frameRuleMatches(rules, frame, families[i] as string));
  for (let ruleIndex = 0; ruleIndex < rules.length; ruleIndex++) {
    const rule = rules[ruleIndex] as EnhancementRule;
    if (rule.appActions.length === 0 && rule.category === undefined) continue;
    for (const idx of matchingIndexes(rules, ruleIndex, frames, families, ownMatches, exception)) {
      if (rule.category !== undefined) (frames[idx] as StackFrame).category = rule.category;
      for (const action of rule.appActions) {
        const [from, to] = rangeOf(action, idx, frames.length);
        for (let i = from; i < to; i++) {
          const target = frames[i] as StackFrame;
          // Per Sentry's snapshots, rules may move SDK in-app frames out of the app, but `+app`
          // never overrides an SDK's explicit `in_app: false`.
          if (!(action.flag && target.clientInApp)) target.inApp = action.flag;
        }
      }
    }
  }
}

/** Evaluates `+group`/`-group` (incl. ranges) and min/max-frames against the modified frames. */
export function computeGroupingFlags(
  rules: readonly EnhancementRule[],
  frames: StackFrame[],
  eventPlatform: string,
  exception: ExceptionInfo | undefined,
): GroupingFlags {
  const flags: GroupingFlags = { group: new Array(frames.length), minFrames: 0, maxFrames: 0 };
  if (frames.length === 0) return flags;
  const families = frameFamilies(frames, eventPlatform);
  const ownMatches = frames.map((frame, i) => frameRuleMatches(rules, frame, families[i] as string));
  for (let ruleIndex = 0; ruleIndex < rules.length; ruleIndex++) {
    const rule = rules[ruleIndex] as EnhancementRule;
    const limits = rule.minFrames !== undefined || rule.maxFrames !== undefined;
    if (rule.groupActions.length === 0 && !limits) continue;
    const hits = matchingIndexes(rules, ruleIndex, frames, families, ownMatches, exception);
    for (const idx of hits) {
      for (const action of rule.groupActions) {
        const [from, to] = rangeOf(action, idx, frames.length);
        for (let i = from; i < to; i++) flags.group[i] = action.flag;
      }
    }
    if (hits.length > 0 && rule.minFrames !== undefined) flags.minFrames = rule.minFrames;
    if (hits.length > 0 && rule.maxFrames !== undefined) flags.maxFrames = rule.maxFrames;
  }
  return flags;
}

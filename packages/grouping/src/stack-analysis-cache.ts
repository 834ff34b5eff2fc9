import { BoundedLru } from './bounded-lru.ts';
import { clearFrameRuleMatches } from './frame-rule-matches.ts';
import type { EnhancementRule } from './enhancement-rules.ts';
import type { ExceptionInfo } from './frame-matchers.ts';
import type { ComponentSummary } from './grouping-component.ts';
import type { StackFrame } from './stack-frame.ts';
import { captureStack, sameStack, stackKey, type StackSignature } from './stack-signature.ts';
import { applyFrameModifications } from './stacktrace-enhancer.ts';

/** What each stacktrace variant of one stack contributes; shared between events, never changed. */
export interface StackParts {
  variants: { name: string; summary: ComponentSummary; minFramesFailed: boolean }[];
}

interface StackAnalysis {
  signature: StackSignature;
  inApp: boolean[];
  category: (string | undefined)[];
  parts?: StackParts;
}

/**
 * The same stack traces arrive again and again, and rule matching plus frame components are most of
 * the grouping cost. Keyed by the whole stack (rules look at neighbouring frames). A slot holds the
 * few different stacks whose short keys collide. An entry is about 6 KB (mostly the frames kept for
 * the exact comparison), so this is about 6 MB when full, 24 MB if every slot were full.
 */
const CAPACITY = 1000;
const PER_SLOT = 4;
const analyses = new BoundedLru<string, StackAnalysis[]>(CAPACITY);
/** Links an event's prepared frames to their analysis for the later component step. */
const byFrames = new WeakMap<StackFrame[], StackAnalysis>();

function lookup(
  key: string,
  frames: StackFrame[],
  platform: string,
  rules: readonly EnhancementRule[],
  exc: ExceptionInfo | undefined,
) {
  const slot = analyses.get(key);
  if (!slot) return undefined;
  for (const analysis of slot)
    if (sameStack(analysis.signature, frames, platform, rules, exc)) return analysis;
  return undefined;
}

/** Applies the stack-trace rules' `+app`/`-app`/`category=` to the frames (from cache when seen before). */
export function prepareStackFrames(
  frames: StackFrame[],
  eventPlatform: string,
  rules: readonly EnhancementRule[],
  exception: ExceptionInfo | undefined,
): void {
  const key = stackKey(frames, eventPlatform);
  let analysis = lookup(key, frames, eventPlatform, rules, exception);
  if (analysis) {
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i] as StackFrame;
      frame.inApp = analysis.inApp[i] as boolean;
      frame.category = analysis.category[i];
    }
  } else {
    const signature = captureStack(frames, eventPlatform, rules, exception);
    applyFrameModifications(rules, frames, eventPlatform, exception);
    // Sentry defaults in_app to false wherever neither the SDK nor a rule set it.
    for (const frame of frames) frame.inApp ??= false;
    const inApp = frames.map((frame) => frame.inApp as boolean);
    analysis = { signature, inApp, category: frames.map((frame) => frame.category) };
    const slot = analyses.get(key) ?? [];
    slot.unshift(analysis);
    if (slot.length > PER_SLOT) slot.pop();
    analyses.set(key, slot);
  }
  byFrames.set(frames, analysis);
}

/** The stacktrace variants of prepared frames, evaluated once per distinct stack. */
export function stackPartsFor(
  frames: StackFrame[],
  eventPlatform: string,
  rules: readonly EnhancementRule[],
  build: () => StackParts,
): StackParts {
  const analysis = byFrames.get(frames);
  if (!analysis) return build();
  const { signature } = analysis;
  if (signature.rules !== rules || signature.eventPlatform !== eventPlatform) return build();
  if (!analysis.parts) {
    analysis.parts = build();
    // The cache keeps these frames for comparison only: drop what matching derived from them.
    for (const frame of signature.frames) {
      frame.matchPath = frame.matchFilename = frame.matchPackage = undefined;
      frame.ruleMatches = undefined;
    }
  }
  return analysis.parts;
}

/** For tests: forget every cached stack and frame, so the next event is computed from scratch. */
export function clearStackAnalysisCache(): void {
  analyses.clear();
  clearFrameRuleMatches();
}

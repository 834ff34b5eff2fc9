import { GroupingComponent, type ComponentSummary } from './grouping-component.ts';
import { behaviorFamily, type ExceptionInfo } from './frame-matchers.ts';
import { frameComponent, isRecursion } from './frame-component.ts';
import { isUrlFrame, type StackFrame } from './stack-frame.ts';
import { computeGroupingFlags, type GroupingFlags } from './stacktrace-enhancer.ts';
import type { EnhancementRule } from './enhancement-rules.ts';
import { stackPartsFor, type StackParts } from './stack-analysis-cache.ts';

/** Components per variant name ("system", "app", "default"), in Sentry's variant order. */
export type Variants = Map<string, GroupingComponent>;

export interface StacktraceInput {
  frames: StackFrame[];
  eventPlatform: string;
  rules: readonly EnhancementRule[];
  exception?: ExceptionInfo;
}

function variantFrames(
  base: GroupingComponent[],
  frames: StackFrame[],
  variant: string,
  flags: GroupingFlags,
) {
  return base.map((component, idx) => {
    const frame = frames[idx] as StackFrame;
    const copy = new GroupingComponent('frame', component.values);
    const outOfApp = variant === 'app' && frame.inApp !== true;
    let contributes = component.contributes && !outOfApp;
    const forced = flags.group[idx];
    if (forced === false) contributes = false;
    else if (forced === true && !outOfApp) contributes = true;
    return copy.setContributes(contributes);
  });
}

function applyFrameLimits(components: GroupingComponent[], flags: GroupingFlags): boolean {
  if (flags.maxFrames > 0) {
    let kept = 0;
    for (let i = components.length - 1; i >= 0; i--) {
      const component = components[i] as GroupingComponent;
      if (!component.contributes) continue;
      if (kept >= flags.maxFrames) component.setContributes(false, 'max-frames');
      kept++;
    }
  }
  const total = components.filter((c) => c.contributes).length;
  return !(flags.minFrames > 0 && total > 0 && total < flags.minFrames);
}

interface BuiltVariant {
  name: string;
  frames: GroupingComponent[];
  minFramesFailed: boolean;
}

function buildVariants(input: StacktraceInput): BuiltVariant[] {
  const { frames, eventPlatform, rules, exception } = input;
  const base: GroupingComponent[] = [];
  for (let i = 0; i < frames.length; i++) {
    base.push(
      frameComponent(
        frames[i] as StackFrame,
        eventPlatform,
        isRecursion(frames[i] as StackFrame, frames[i - 1]),
      ),
    );
  }
  const first = frames[0];
  if (
    frames.length === 1 &&
    first &&
    base[0]?.contributes &&
    behaviorFamily(first.platform ?? eventPlatform) === 'javascript' &&
    !first.function &&
    isUrlFrame(first)
  ) {
    base[0].setContributes(false, 'single URL JavaScript frame');
  }
  const flags = computeGroupingFlags(rules, frames, eventPlatform, exception);
  return ['system', 'app'].map((name) => {
    const components = variantFrames(base, frames, name, flags);
    return { name, frames: components, minFramesFailed: !applyFrameLimits(components, flags) };
  });
}

/** Few distinct id sets occur; sharing them keeps cached summaries small. */
const idSets = new Map<string, ReadonlySet<string>>();

function sharedIds(ids: Set<string>): ReadonlySet<string> {
  const key = [...ids].sort().join(',');
  let shared = idSets.get(key);
  if (!shared) {
    shared = ids;
    if (idSets.size < 1000) idSets.set(key, shared);
  }
  return shared;
}

/**
 * Evaluates the stack once and keeps only what hashing needs. The full frame components are rebuilt
 * from the same (unchanged) input only if something asks for the structure (exception groups).
 */
function summarizeStack(input: StacktraceInput): StackParts {
  return {
    variants: buildVariants(input).map((variant, index) => {
      const node = new GroupingComponent('stacktrace', variant.frames);
      const summary: ComponentSummary = {
        text: node.collectText(),
        contributes: node.contributes,
        contributingIds: sharedIds(node.contributingIds()),
        expand: () => (buildVariants(input)[index] as BuiltVariant).frames,
      };
      return { name: variant.name, summary, minFramesFailed: variant.minFramesFailed };
    }),
  };
}

/** Sentry's stacktrace strategy: a "system" (all frames) and an "app" (in-app frames) variant. */
export function stacktraceVariants(input: StacktraceInput): Variants {
  const { frames, eventPlatform, rules } = input;
  const parts = stackPartsFor(frames, eventPlatform, rules, () => summarizeStack(input));
  const variants: Variants = new Map();
  for (const variant of parts.variants) {
    // The summary is shared; the node is per event (strategies may switch it off).
    const stacktrace = GroupingComponent.summarized('stacktrace', variant.summary);
    if (variant.minFramesFailed) stacktrace.setContributes(false, 'min-frames');
    variants.set(variant.name, stacktrace);
  }
  return removeNonStacktraceVariants(variants);
}

/** If any variant has a contributing stacktrace, variants without one stop contributing. */
export function removeNonStacktraceVariants(variants: Variants): Variants {
  const without: GroupingComponent[] = [];
  let any = false;
  for (const component of variants.values()) {
    if (component.id === 'stacktrace' ? component.contributes : component.hasContributing('stacktrace'))
      any = true;
    else without.push(component);
  }
  if (any) for (const component of without) component.setContributes(false, 'no contributing stacktrace');
  return variants;
}

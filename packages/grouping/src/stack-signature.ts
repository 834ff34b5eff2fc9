import type { EnhancementRule } from './enhancement-rules.ts';
import type { ExceptionInfo } from './frame-matchers.ts';
import type { StackFrame } from './stack-frame.ts';

/**
 * Every StackFrame field that rules or frame components read. The type check below fails to compile
 * when a field is added to StackFrame without deciding here whether it belongs in the signature,
 * because a missing field would let two different stacks share one cached grouping.
 */
export const SIGNATURE_FIELDS = [
  'function',
  'rawFunction',
  'module',
  'filename',
  'absPath',
  'package',
  'platform',
  'lineno',
  'colno',
  'contextLine',
  'inApp',
  'clientInApp',
  'category',
  'sourcemap',
] as const satisfies readonly (keyof StackFrame)[];
/** Lazily filled copies of signature fields (normalized for matching), not inputs. */
type DerivedField = 'matchPath' | 'matchFilename' | 'matchPackage' | 'ruleMatches';
type UnsignedField = Exclude<keyof StackFrame, (typeof SIGNATURE_FIELDS)[number] | DerivedField>;
const SIGNATURE_IS_EXHAUSTIVE: [UnsignedField] extends [never] ? true : UnsignedField = true;

/** Everything that decides how stack-trace rules and frame components treat one stack. */
export interface StackSignature {
  rules: readonly EnhancementRule[];
  eventPlatform: string;
  /** Only when some rule reads it: varying error messages must not defeat the cache otherwise. */
  exception: ExceptionInfo | undefined;
  /**
   * The first event's frame objects (no copies: a cache fill should allocate little). Rules change
   * `inApp` and `category` on them afterwards, so the values from before are kept beside them.
   */
  frames: readonly StackFrame[];
  inApp: (boolean | undefined)[];
  category: (string | undefined)[];
}

const readsException = new WeakMap<readonly EnhancementRule[], boolean>();

function relevantException(rules: readonly EnhancementRule[], exception: ExceptionInfo | undefined) {
  let reads = readsException.get(rules);
  if (reads === undefined) {
    reads = rules.some(
      (rule) =>
        rule.exceptionMatchers.length > 0 ||
        // `[error.type:X] | ...` puts an exception matcher among the caller/callee ones.
        [...(rule.caller ?? []), ...(rule.callee ?? [])].some((matcher) => matcher.exception),
    );
    readsException.set(rules, reads);
  }
  return reads && exception ? exception : undefined;
}

/**
 * A string picking the cache slot: function, file and position tell real stacks apart. It leaves
 * out the other inputs (hashing every path and source line of every frame costs more than the lookup
 * saves); `sameStack` does the exact comparison.
 */
export function stackKey(frames: readonly StackFrame[], eventPlatform: string): string {
  let key = `${eventPlatform}:${frames.length}`;
  for (const frame of frames) {
    key += `|${frame.function ?? ''}:${frame.filename ?? ''}:${frame.lineno ?? ''}:${frame.colno ?? ''}`;
  }
  return key;
}

export function captureStack(
  frames: readonly StackFrame[],
  eventPlatform: string,
  rules: readonly EnhancementRule[],
  exception: ExceptionInfo | undefined,
): StackSignature {
  const relevant = relevantException(rules, exception);
  return {
    rules,
    eventPlatform,
    exception: relevant && { type: relevant.type, value: relevant.value, mechanism: relevant.mechanism },
    frames,
    inApp: frames.map((frame) => frame.inApp),
    category: frames.map((frame) => frame.category),
  };
}

/**
 * Field by field on purpose: one monomorphic comparison per field, no per-call allocation. `cached`
 * is a frame the rules have since changed, so its original `inApp` and `category` are passed in.
 */
export function sameFrame(
  cached: StackFrame,
  inApp: boolean | undefined,
  category: string | undefined,
  frame: StackFrame,
): boolean {
  return (
    cached.function === frame.function &&
    cached.rawFunction === frame.rawFunction &&
    cached.module === frame.module &&
    cached.filename === frame.filename &&
    cached.absPath === frame.absPath &&
    cached.package === frame.package &&
    cached.platform === frame.platform &&
    cached.lineno === frame.lineno &&
    cached.colno === frame.colno &&
    cached.contextLine === frame.contextLine &&
    inApp === frame.inApp &&
    cached.clientInApp === frame.clientInApp &&
    category === frame.category &&
    cached.sourcemap === frame.sourcemap &&
    SIGNATURE_IS_EXHAUSTIVE
  );
}

export function sameStack(
  signature: StackSignature,
  frames: readonly StackFrame[],
  eventPlatform: string,
  rules: readonly EnhancementRule[],
  exception: ExceptionInfo | undefined,
): boolean {
  if (signature.rules !== rules || signature.eventPlatform !== eventPlatform) return false;
  if (signature.frames.length !== frames.length) return false;
  const relevant = relevantException(rules, exception);
  const cached = signature.exception;
  if (relevant === undefined || cached === undefined) {
    if (relevant !== cached) return false;
  } else if (
    relevant.type !== cached.type ||
    relevant.value !== cached.value ||
    relevant.mechanism !== cached.mechanism
  ) {
    return false;
  }
  for (let i = 0; i < frames.length; i++) {
    const cached = signature.frames[i] as StackFrame;
    if (!sameFrame(cached, signature.inApp[i], signature.category[i], frames[i] as StackFrame)) return false;
  }
  return true;
}

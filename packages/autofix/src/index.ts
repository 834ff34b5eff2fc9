// The engine: one attempt, and what people (or agents) do with its result.
export { runFixAttempt } from './attempt/run-fix-attempt.ts';
export { approveFixAttempt, type FixActionPorts } from './attempt/approve-fix-attempt.ts';
export { rejectFixAttempt } from './attempt/reject-fix-attempt.ts';
export { rollbackFixAttempt, ROLLBACK_WINDOW_MS } from './attempt/rollback-fix-attempt.ts';
export { syncFixBranch, type FixBranchSync } from './attempt/sync-fix-branch.ts';
export type { FixActionResult } from './attempt/fix-action-result.ts';
export {
  DEFAULT_VERIFICATION_TIMEOUTS,
  type AutofixPorts,
  type FixAttemptInput,
  type FixAttemptOptions,
  type LlmFixerOptions,
} from './attempt/autofix-ports.ts';
export { DETERMINISTIC_FIXERS } from './attempt/deterministic-fixers.ts';

// Reproduction and fixers, for dry runs, the CLI and custom fixer lists.
export {
  generateReproduction,
  type ReproductionInput,
  type ReproductionResult,
} from './reproduce/generate-reproduction.ts';
export { capturedError, type CapturedError, type CapturedFrame } from './event/captured-error.ts';
export { suffixFramePathMapper, type FramePathMapper } from './event/frame-path-mapper.ts';
export { gitRepoSnapshot, memoryRepoSnapshot, type RepoSnapshot } from './source/repo-snapshot.ts';
export { buildFixPatch, mergeFixPatches } from './source/build-fix-patch.ts';
export { buildFixContext } from './fixers/fix-context.ts';
export type { Fixer, FixContext, ProposeResult } from './fixers/fixer.ts';
export { MissingImportFixer } from './fixers/missing-import-fixer.ts';
export { MisspelledNameFixer } from './fixers/misspelled-name-fixer.ts';
export { ModulePathFixer } from './fixers/module-path-fixer.ts';
export { OptionalGuardFixer } from './fixers/optional-guard-fixer.ts';
export { LlmFixer, type LlmFixerConfig } from './fixers/llm-fixer.ts';

// Policy.
export { categorizePatch, type PatchCategory } from './policy/categorize-patch.ts';
export { decideFixAction, type FixAction, type FixPolicyOptions } from './policy/decide-fix-action.ts';

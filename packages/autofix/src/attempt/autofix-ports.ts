import type {
  AgentPermission,
  AutofixSwitchReader,
  Clock,
  FixAttemptJournal,
  FixVerifier,
  GitIdentity,
  GitWorkspace,
  LlmClient,
  PolicyCategory,
  PolicyRule,
  ResolvedRepositorySettings,
  SentryEvent,
  VerificationTimeouts,
} from '@fixloop/core';
import type { FramePathMapper } from '../event/frame-path-mapper.ts';
import type { Fixer } from '../fixers/fixer.ts';

/** The ports an attempt works through; the job wiring builds them once per repository. */
export interface AutofixPorts {
  git: GitWorkspace;
  verifier: FixVerifier;
  switches: AutofixSwitchReader;
  journal: FixAttemptJournal;
  clock: Clock;
  /** Absent or null: deterministic fixers only. */
  llm?: LlmClient | null;
}

export interface FixAttemptInput {
  /** The attempt row the wiring created (state `pending`). */
  attemptId: number;
  projectId: number;
  issue: { id: number; shortId?: string | null; title: string };
  /** The issue's latest (normalized) event. */
  event: SentryEvent;
  repository: ResolvedRepositorySettings;
  /** Maps frames to repository files (the investigation's CodeMapper); a path-suffix match by default. */
  mapPath?: FramePathMapper;
  /** The investigation's findings, given to the LLM fixer. */
  investigation?: { summary: string; details?: string } | null;
}

export interface LlmFixerOptions {
  /** The configured agent's name, recorded as the fixer (`llm:<name>`) and in the journal. */
  agentName: string;
  permission: AgentPermission;
  /** Rounds of propose → verify, each fed the previous failure. Default 2. */
  maxRounds?: number;
  /** The project's own sensitive field names, scrubbed from prompts on top of the built-in list. */
  sensitiveFields?: string[];
}

export interface FixAttemptOptions {
  /** The deterministic fixers, tried in order; the four built-in ones by default. */
  fixers?: readonly Fixer[];
  /** The permission of the deterministic bot (default MINOR_FIX). */
  permission?: AgentPermission;
  /** Enables the LLM fixer after the deterministic ones (needs `ports.llm`). */
  llm?: LlmFixerOptions | null;
  policyRules?: readonly PolicyRule[];
  /** Categories committed without approval (default A). */
  autoCommit?: readonly PolicyCategory[];
  /** Author of fix commits; the git adapter's bot identity by default. */
  botIdentity?: GitIdentity;
  timeouts?: Partial<VerificationTimeouts>;
  /** Push the fix branch after committing (default true). */
  push?: boolean;
  /** Verify and return the diff, but never commit (state needs_review, reason "dry run"). */
  dryRun?: boolean;
}

export const DEFAULT_VERIFICATION_TIMEOUTS: VerificationTimeouts = {
  installMs: 10 * 60_000,
  testMs: 2 * 60_000,
  suiteMs: 10 * 60_000,
};

import { capturedError } from '../../src/event/captured-error.ts';
import { suffixFramePathMapper } from '../../src/event/frame-path-mapper.ts';
import { buildFixContext } from '../../src/fixers/fix-context.ts';
import type { FixContext, Fixer } from '../../src/fixers/fixer.ts';
import { memoryRepoSnapshot } from '../../src/source/repo-snapshot.ts';

export interface FrameSpec {
  path: string;
  fn?: string;
  line: number;
  col: number;
  vars?: Record<string, unknown>;
}

/** An event as @sentry/node sends it: one exception, frames outermost first (given innermost first). */
export function nodeEvent(type: string, value: string, frames: FrameSpec[]): Record<string, unknown> {
  const sentryFrames = [...frames].reverse().map((f) => ({
    filename: `/srv/app/${f.path}`,
    abs_path: `/srv/app/${f.path}`,
    function: f.fn ?? '?',
    lineno: f.line,
    colno: f.col,
    in_app: true,
    ...(f.vars ? { vars: f.vars } : {}),
  }));
  return { platform: 'node', exception: { values: [{ type, value, stacktrace: { frames: sentryFrames } }] } };
}

export async function fixContextFor(
  files: Record<string, string>,
  event: Record<string, unknown>,
): Promise<FixContext> {
  const error = capturedError(event);
  if (!error) throw new Error('event without exception');
  const repo = memoryRepoSnapshot(files);
  return buildFixContext({ error, repo, root: '', mapPath: suffixFramePathMapper(Object.keys(files)) });
}

/** Runs a fixer and returns the new content of the one file it changed, or the reason it could not. */
export async function proposeWith(fixer: Fixer, context: FixContext) {
  if (!fixer.canFix(context)) return { ok: false as const, reason: 'canFix is false' };
  const result = await fixer.propose(context);
  if (!result.ok) return result;
  const file = result.candidate.patch.files[0];
  return { ok: true as const, candidate: result.candidate, path: file?.path, after: file?.after ?? null };
}

/** 1-based line and column of the first occurrence of `needle` (after `skip` earlier ones). */
export function positionOf(text: string, needle: string, skip = 0): { line: number; col: number } {
  let index = -1;
  for (let i = 0; i <= skip; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, col: (before[before.length - 1]?.length ?? 0) + 1 };
}

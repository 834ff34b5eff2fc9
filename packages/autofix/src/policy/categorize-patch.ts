import { stricterCategory, type FixPatch, type PolicyCategory, type PolicyRule } from '@fixloop/core';
import { globPattern } from './glob-pattern.ts';

export interface PatchCategory {
  category: PolicyCategory;
  reasons: string[];
}

/**
 * The policy category of a patch: the fixer's own category, raised by every rule whose paths match a
 * changed file or whose content patterns match a changed line. The reproduction test Fixloop adds is
 * left out (`exemptPaths`): a new test never makes a fix riskier.
 */
export function categorizePatch(
  patch: FixPatch,
  fixer: { category: PolicyCategory; reasons: readonly string[] },
  rules: readonly PolicyRule[],
  exemptPaths: readonly string[] = [],
): PatchCategory {
  let category = fixer.category;
  const reasons = [...fixer.reasons];
  const files = patch.files.filter((file) => !exemptPaths.includes(file.path));
  const changedLines = changedLinesOf(patch.diff, exemptPaths);
  for (const rule of rules) {
    const path = files.find((file) =>
      (rule.paths ?? []).some((glob) => globPattern(glob).test(file.path)),
    )?.path;
    const line = changedLines.find((text) =>
      (rule.content ?? []).some((pattern) => new RegExp(pattern, 'i').test(text)),
    );
    if (path === undefined && line === undefined) continue;
    category = stricterCategory(category, rule.category);
    reasons.push(
      `${rule.category}: ${rule.reason} (${path ?? `changes "${(line ?? '').trim().slice(0, 80)}"`})`,
    );
  }
  return { category, reasons };
}

/** Added and removed lines of a unified diff, outside the exempt files. */
function changedLinesOf(diff: string, exemptPaths: readonly string[]): string[] {
  const lines: string[] = [];
  let exempt = false;
  for (const line of diff.split('\n')) {
    const header = /^diff --git a\/(.+) b\/(.+)$/.exec(line);
    if (header) exempt = exemptPaths.includes(header[2] ?? '');
    else if (!exempt && /^[+-](?![+-]{2} )/.test(line)) lines.push(line.slice(1));
  }
  return lines;
}

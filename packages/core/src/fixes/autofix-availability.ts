import { checkKillSwitch, type AutofixSwitches } from '../autofix/autofix-switches.ts';
import type { Project } from '../projects/project.ts';

export type AutofixAvailability = { available: true } | { available: false; reason: string };

/**
 * Whether new attempts may start for a project: it needs a repository, autofix enabled in its
 * settings, and every kill switch on.
 */
export function autofixAvailability(
  project: Pick<Project, 'settings'>,
  switches: AutofixSwitches,
): AutofixAvailability {
  if (project.settings.repository === null)
    return { available: false, reason: 'the project has no repository' };
  if (!project.settings.autofix.enabled) {
    return { available: false, reason: 'autofix is disabled in the project settings' };
  }
  const verdict = checkKillSwitch(switches);
  return verdict.allowed ? { available: true } : { available: false, reason: verdict.reason };
}

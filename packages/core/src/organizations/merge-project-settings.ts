import type { InvestigationSettings, ProjectSettings, ScrubbingSettings } from '../projects/project.ts';
import type { RepositorySettings } from '../repositories/repository-settings.ts';

/** A repository as a client sends it: the token is write-only, omitted to keep, null to clear. */
export type RepositoryPatch = Omit<RepositorySettings, 'token'> & { token?: string | null };

export interface ProjectSettingsPatch {
  rateLimit?: ProjectSettings['rateLimit'];
  repository?: RepositoryPatch | null;
  investigation?: Partial<InvestigationSettings>;
  scrubbing?: Partial<ScrubbingSettings>;
  eventRetentionDays?: number;
  timelineRetentionDays?: number;
}

/**
 * Applies a partial settings update: fields left out keep their value, `scrubbing` and
 * `investigation` merge field by field, `rateLimit: null` removes the limit, `repository` is
 * replaced whole except its token, which clients never read back and so need not resend.
 */
export function mergeProjectSettings(current: ProjectSettings, patch: ProjectSettingsPatch): ProjectSettings {
  return {
    rateLimit: patch.rateLimit === undefined ? current.rateLimit : patch.rateLimit,
    repository: mergeRepository(current.repository, patch.repository),
    investigation: { ...current.investigation, ...definedOnly(patch.investigation ?? {}) },
    // Autofix settings have their own endpoint (/projects/{org}/{project}/autofix/); kept as they are here.
    autofix: current.autofix,
    scrubbing: { ...current.scrubbing, ...definedOnly(patch.scrubbing ?? {}) },
    eventRetentionDays: patch.eventRetentionDays ?? current.eventRetentionDays,
    timelineRetentionDays: patch.timelineRetentionDays ?? current.timelineRetentionDays,
  };
}

function mergeRepository(
  current: RepositorySettings | null,
  patch: RepositoryPatch | null | undefined,
): RepositorySettings | null {
  if (patch === undefined) return current;
  if (patch === null) return null;
  const { token, ...rest } = patch;
  const kept = token === undefined ? current?.token : (token ?? undefined);
  return kept === undefined ? definedOnly(rest) : { ...definedOnly(rest), token: kept };
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

import type { AutofixSwitchReader, AutofixSwitches, Storage } from '@fixloop/core';

/**
 * The kill switches as the engine reads them before every step, fresh from the database so that a switch
 * flipped in another instance counts at once: global = instance and organization switches, project =
 * the project's switch and its `autofix.enabled` setting. A missing row is on; a deleted project is off.
 */
export class StoredAutofixSwitchReader implements AutofixSwitchReader {
  constructor(private readonly storage: Storage) {}

  async read(projectId: number): Promise<AutofixSwitches> {
    const project = await this.storage.projects.getProject(projectId);
    if (project === null) return { globalEnabled: false, projectEnabled: false };
    const fixes = this.storage.fixes;
    const [instance, organization, own] = await Promise.all([
      fixes.getSwitch('instance', 0),
      fixes.getSwitch('organization', project.organizationId),
      fixes.getSwitch('project', project.id),
    ]);
    return {
      globalEnabled: (instance?.enabled ?? true) && (organization?.enabled ?? true),
      projectEnabled: (own?.enabled ?? true) && project.settings.autofix.enabled,
    };
  }
}

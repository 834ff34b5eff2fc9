import type { Permission } from '../auth/permissions.ts';

export interface SettingsSection {
  id: string;
  label: string;
  /** Hidden from roles without this permission. */
  requires?: Permission;
}

export const SETTINGS_SECTIONS: SettingsSection[] = [
  { id: 'project', label: 'Project' },
  { id: 'autofix', label: 'Autofix & AI' },
  { id: 'tokens', label: 'API tokens' },
  { id: 'members', label: 'Members' },
  { id: 'alerts', label: 'Alerts' },
  { id: 'limits', label: 'Rate limits & PII' },
  { id: 'worker', label: 'Worker status' },
  { id: 'danger', label: 'Danger zone', requires: 'danger-zone' },
];

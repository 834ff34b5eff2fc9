import type { Role } from '../api/types.ts';

/** What the dashboard offers a role; the server enforces the same rules (viewers cannot mutate). */
export type Permission =
  | 'mutate'
  | 'manage-settings'
  | 'manage-members'
  | 'danger-zone'
  | 'see-all-tokens'
  /** Alert channels may reach private networks (the server's org:admin scope: owners only). */
  | 'allow-private-targets';

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: [
    'mutate',
    'manage-settings',
    'manage-members',
    'danger-zone',
    'see-all-tokens',
    'allow-private-targets',
  ],
  admin: ['mutate', 'manage-settings', 'manage-members', 'danger-zone', 'see-all-tokens'],
  member: ['mutate'],
  viewer: [],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? GRANTS[role].includes(permission) : false;
}

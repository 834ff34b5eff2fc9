import { Users } from 'lucide-react';
import type { Role } from '../api/types.ts';
import { useMembers, useUpdateMemberRole } from '../api/use-members.ts';
import { Badge } from '../ui/badge.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { useToast } from '../ui/use-toast.ts';

const ROLES: Role[] = ['owner', 'admin', 'member', 'viewer'];

const ROLE_HINT: Record<Role, string> = {
  owner: 'Everything, including deleting the organization',
  admin: 'Settings, members and tokens',
  member: 'Triage issues, comment, approve fixes',
  viewer: 'Read only',
};

/** Who is in the organization and with which role. */
export function MembersSection({ org, canManage }: { org: string; canManage: boolean }) {
  const members = useMembers(org);
  const updateRole = useUpdateMemberRole(org);
  const toast = useToast();
  const list = members.data ?? [];
  return (
    <Card title="Members and roles">
      {members.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState icon={<Users size={18} />} title="No members" />
      ) : (
        <ul className="divide-y divide-line">
          {list.map((member) => (
            <li key={member.id} className="flex items-center gap-3 py-2.5">
              <span
                aria-hidden
                className="flex size-7 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent-text"
              >
                {(member.name || member.email).slice(0, 1).toUpperCase()}
              </span>
              <span className="min-w-0 flex-1">
                <span className="block truncate text-[13px] font-medium">{member.name || member.email}</span>
                <span className="block truncate text-xs text-subtle">{member.email}</span>
              </span>
              {canManage ? (
                <SelectField
                  label={`Role of ${member.name || member.email}`}
                  hideLabel
                  className="w-32"
                  value={member.role}
                  disabled={updateRole.isPending}
                  onChange={(event) =>
                    updateRole.mutate(
                      { id: member.id, role: event.target.value as Role },
                      {
                        onSuccess: () => toast('Role changed', 'ok'),
                        onError: (error) => toast(error.message, 'danger'),
                      },
                    )
                  }
                  options={ROLES.map((role) => ({
                    value: role,
                    label: role.charAt(0).toUpperCase() + role.slice(1),
                  }))}
                />
              ) : (
                <Badge
                  tone={member.role === 'owner' || member.role === 'admin' ? 'accent' : 'neutral'}
                  title={ROLE_HINT[member.role]}
                >
                  {member.role}
                </Badge>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

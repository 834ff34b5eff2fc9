import type { EventUser as EventUserJson } from '../api/types.ts';
import { KeyValueTable } from './key-value-table.tsx';

export function EventUser({ user }: { user: EventUserJson | null | undefined }) {
  if (!user) return <p className="text-[13px] text-subtle">No user was attached to this event.</p>;
  const extra = Object.entries(user).filter(
    ([key]) => !['id', 'email', 'username', 'ip_address', 'name', 'data'].includes(key),
  );
  return (
    <KeyValueTable
      label="User"
      rows={[
        ['ID', user.id ?? null],
        ['Email', user.email ?? null],
        ['Username', user.username ?? null],
        ['Name', user.name ?? null],
        ['IP address', user.ip_address ?? null],
        ...extra.map(([key, value]): [string, string] => [
          key,
          typeof value === 'string' ? value : JSON.stringify(value),
        ]),
      ]}
    />
  );
}

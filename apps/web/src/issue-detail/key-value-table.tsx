import type { ReactNode } from 'react';

/** Label/value pairs (contexts, user, request headers); empty values are left out. */
export function KeyValueTable({ rows, label }: { rows: [string, ReactNode][]; label: string }) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (shown.length === 0) return <p className="text-[13px] text-subtle">Nothing recorded.</p>;
  return (
    <table className="w-full text-[13px]" aria-label={label}>
      <tbody>
        {shown.map(([key, value]) => (
          <tr key={key} className="border-b border-line last:border-b-0">
            <th scope="row" className="w-36 py-1.5 pr-3 text-left align-top font-normal text-muted">
              {key}
            </th>
            <td className="py-1.5 font-mono text-[12px] break-all">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

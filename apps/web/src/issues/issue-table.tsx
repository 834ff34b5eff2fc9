import { useEffect, useRef } from 'react';
import type { Issue } from '../api/types.ts';
import { Checkbox } from '../ui/checkbox.tsx';
import { IssueRow } from './issue-row.tsx';

export interface IssueTableProps {
  issues: Issue[];
  hrefFor: (issue: Issue) => string;
  period: '24h' | '14d';
  active: number;
  onActivate: (index: number) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  selectable: boolean;
}

export function IssueTable({
  issues,
  hrefFor,
  period,
  active,
  onActivate,
  selected,
  onToggle,
  onToggleAll,
  selectable,
}: IssueTableProps) {
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  useEffect(() => {
    rows.current[active]?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const allSelected = issues.length > 0 && issues.every((issue) => selected.has(issue.id));
  const someSelected = !allSelected && issues.some((issue) => selected.has(issue.id));
  const header = 'py-2 text-[11px] font-semibold tracking-wide text-subtle uppercase';
  return (
    <table className="w-full table-fixed border-collapse" aria-label="Issues">
      <thead className="sticky top-0 z-10 border-b border-line bg-raised">
        <tr>
          <th scope="col" className="w-9 py-2 pr-1 pl-4 text-left">
            {selectable && (
              <Checkbox
                checked={allSelected}
                indeterminate={someSelected}
                onChange={onToggleAll}
                aria-label="Select all issues on this page"
              />
            )}
          </th>
          <th scope="col" className={`${header} text-left`}>
            Issue
          </th>
          <th scope="col" className={`${header} w-24 text-left`}>
            Severity
          </th>
          <th scope="col" className={`${header} w-24 text-left`}>
            Class
          </th>
          <th scope="col" className={`${header} hidden w-24 text-left xl:table-cell`}>
            {period}
          </th>
          <th scope="col" className={`${header} w-16 text-right`}>
            Events
          </th>
          <th scope="col" className={`${header} w-16 text-right`}>
            Users
          </th>
          <th scope="col" className={`${header} w-32 pl-4 text-left`}>
            Status
          </th>
          <th scope="col" className={`${header} w-28 pr-4 text-right`}>
            Last seen
          </th>
        </tr>
      </thead>
      <tbody>
        {issues.map((issue, index) => (
          <IssueRow
            key={issue.id}
            ref={(element) => {
              rows.current[index] = element;
            }}
            issue={issue}
            href={hrefFor(issue)}
            period={period}
            active={index === active}
            selected={selected.has(issue.id)}
            selectable={selectable}
            onToggle={() => onToggle(issue.id)}
            onActivate={() => onActivate(index)}
          />
        ))}
      </tbody>
    </table>
  );
}

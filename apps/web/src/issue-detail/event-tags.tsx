import type { IssueEvent } from '../api/types.ts';

function pairs(tags: IssueEvent['tags']): [string, string][] {
  return (tags ?? []).map((tag) => (Array.isArray(tag) ? tag : [tag.key, tag.value]));
}

export function EventTags({ tags }: { tags: IssueEvent['tags'] }) {
  const list = pairs(tags);
  if (list.length === 0) return <p className="text-[13px] text-subtle">No tags.</p>;
  return (
    <ul aria-label="Event tags" className="flex flex-wrap gap-1.5">
      {list.map(([key, value]) => (
        <li key={key} className="inline-flex overflow-hidden rounded-md border border-line text-xs">
          <span className="bg-raised px-1.5 py-0.5 text-muted">{key}</span>
          <span className="max-w-64 truncate px-1.5 py-0.5 font-mono" title={value}>
            {value}
          </span>
        </li>
      ))}
    </ul>
  );
}

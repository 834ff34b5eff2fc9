import type { IssueSort } from '../api/issue-list-params.ts';
import { FilterMenu } from './filter-menu.tsx';
import { ERROR_CLASSES, FILTER_KEYS, SEVERITIES } from './search-keys.ts';
import { getFilter, setFilter } from './search-query.ts';
import { TextFilter } from './text-filter.tsx';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const SORTS: { value: IssueSort; label: string }[] = [
  { value: 'date', label: 'Last seen' },
  { value: 'new', label: 'First seen' },
  { value: 'freq', label: 'Events' },
  { value: 'user', label: 'Users' },
];

/** Filter pills; each edits one token of the search query, so the box and the pills never disagree. */
export function IssueFilters({
  query,
  sort,
  onQuery,
  onSort,
}: {
  query: string;
  sort: IssueSort;
  onQuery: (query: string) => void;
  onSort: (sort: IssueSort) => void;
}) {
  const set = (key: string) => (value: string | null) => onQuery(setFilter(query, key, value));
  return (
    <div className="flex flex-wrap items-center gap-2">
      <FilterMenu
        label="Status"
        value={getFilter(query, FILTER_KEYS.status)}
        onChange={set(FILTER_KEYS.status)}
        options={[
          { value: null, label: 'All' },
          { value: 'unresolved', label: 'Unresolved' },
          { value: 'resolved', label: 'Resolved' },
          { value: 'ignored', label: 'Ignored' },
        ]}
      />
      <FilterMenu
        label="Severity"
        value={getFilter(query, FILTER_KEYS.severity)}
        onChange={set(FILTER_KEYS.severity)}
        options={[
          { value: null, label: 'Any' },
          ...SEVERITIES.map((s) => ({ value: s, label: capitalize(s) })),
        ]}
      />
      <FilterMenu
        label="Class"
        value={getFilter(query, FILTER_KEYS.errorClass)}
        onChange={set(FILTER_KEYS.errorClass)}
        options={[
          { value: null, label: 'Any' },
          ...ERROR_CLASSES.map((c) => ({ value: c, label: capitalize(c) })),
        ]}
      />
      <TextFilter
        label="Env"
        value={getFilter(query, FILTER_KEYS.environment)}
        onChange={set(FILTER_KEYS.environment)}
      />
      <TextFilter
        label="Release"
        value={getFilter(query, FILTER_KEYS.release)}
        onChange={set(FILTER_KEYS.release)}
      />
      <div className="ml-auto">
        <FilterMenu
          label="Sort"
          highlight={false}
          value={sort}
          onChange={(value) => onSort((value ?? 'date') as IssueSort)}
          options={SORTS}
        />
      </div>
    </div>
  );
}

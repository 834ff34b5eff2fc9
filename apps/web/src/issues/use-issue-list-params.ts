import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readIssueListParams, writeIssueListParams } from '../api/issue-list-params.ts';
import type { IssueListParams } from '../api/issue-list-params.ts';

/** The list's query, sort, period, project and cursor, read from and written to the URL. */
export function useIssueListParams(): [IssueListParams, (patch: Partial<IssueListParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readIssueListParams(search), [search]);
  const update = useCallback(
    (patch: Partial<IssueListParams>) => {
      // Any change but paging starts again at the first page.
      const cursor = 'cursor' in patch ? (patch.cursor ?? '') : '';
      setSearch(writeIssueListParams({ ...params, ...patch, cursor }));
    },
    [params, setSearch],
  );
  return [params, update];
}

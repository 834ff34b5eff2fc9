export type IssueSort = 'date' | 'new' | 'freq' | 'user';
export type StatsPeriod = '24h' | '14d';

/** What the issue list shows; it lives in the URL so a reload or a shared link shows the same list. */
export interface IssueListParams {
  query: string;
  sort: IssueSort;
  statsPeriod: StatsPeriod;
  project: string;
  cursor: string;
}

export const DEFAULT_ISSUE_QUERY = 'is:unresolved';
export const ISSUE_PAGE_SIZE = 50;

const SORTS: IssueSort[] = ['date', 'new', 'freq', 'user'];

export function readIssueListParams(search: URLSearchParams): IssueListParams {
  const sort = search.get('sort') as IssueSort | null;
  return {
    query: search.get('query') ?? DEFAULT_ISSUE_QUERY,
    sort: sort && SORTS.includes(sort) ? sort : 'date',
    statsPeriod: search.get('statsPeriod') === '14d' ? '14d' : '24h',
    project: search.get('project') ?? '',
    cursor: search.get('cursor') ?? '',
  };
}

/** Writes only what differs from the defaults, so URLs stay short. */
export function writeIssueListParams(params: IssueListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.query !== DEFAULT_ISSUE_QUERY) search.set('query', params.query);
  if (params.sort !== 'date') search.set('sort', params.sort);
  if (params.statsPeriod !== '24h') search.set('statsPeriod', params.statsPeriod);
  if (params.project) search.set('project', params.project);
  if (params.cursor) search.set('cursor', params.cursor);
  return search;
}

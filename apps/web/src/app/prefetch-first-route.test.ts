// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readIssueListParams } from '../api/issue-list-params.ts';
import { issuesQueryOptions } from '../api/use-issues.ts';
import { issueFixture } from '../testing/issue-fixture.ts';
import { TEST_SESSION } from '../testing/render-with-providers.tsx';
import { stubApi } from '../testing/stub-api.ts';
import { createQueryClient } from './create-query-client.ts';
import { prefetchFirstRoute } from './prefetch-first-route.ts';

afterEach(() => vi.unstubAllGlobals());

function serve() {
  return stubApi({
    'GET /api/0/auth/session/': () => ({ body: TEST_SESSION }),
    'GET /api/0/organizations/acme/issues/': () => ({ body: [issueFixture(1)], headers: { 'X-Hits': '1' } }),
  });
}

describe('prefetchFirstRoute', () => {
  it('asks for the session and the issue list at once, under the keys the issue page reads', async () => {
    const calls = serve();
    const client = createQueryClient();
    prefetchFirstRoute(client, {
      pathname: '/organizations/acme/issues',
      search: '?query=is%3Aunresolved+level%3Aerror',
    });
    // Both requests leave before either answer is awaited: no waterfall.
    expect(calls.map((c) => c.url.pathname)).toEqual([
      '/api/0/auth/session/',
      '/api/0/organizations/acme/issues/',
    ]);
    expect(calls[1]?.url.searchParams.get('query')).toBe('is:unresolved level:error');
    const params = readIssueListParams(new URLSearchParams('query=is%3Aunresolved+level%3Aerror'));
    await vi.waitFor(() =>
      expect(client.getQueryData(issuesQueryOptions('acme', params).queryKey)?.hits).toBe(1),
    );
  });

  it('prefetches only the session on other pages', () => {
    const calls = serve();
    prefetchFirstRoute(createQueryClient(), { pathname: '/organizations/acme/fixes/3', search: '' });
    expect(calls.map((c) => c.url.pathname)).toEqual(['/api/0/auth/session/']);
  });
});

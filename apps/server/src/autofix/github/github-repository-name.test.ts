import { describe, expect, it } from 'vitest';
import { githubRepositoryName } from './github-repository-name.ts';

describe('githubRepositoryName', () => {
  it.each([
    ['https://github.com/acme/shop.git', 'acme', 'shop'],
    ['https://x-access-token:t@github.com/acme/shop', 'acme', 'shop'],
    ['git@github.com:acme/shop.git', 'acme', 'shop'],
    ['ssh://git@ghe.example.com/acme/my.app.git', 'acme', 'my.app'],
  ])('reads %s', (url, owner, repo) => {
    expect(githubRepositoryName(undefined, url)).toEqual({ owner, repo });
  });

  it('prefers the setting and gives up on local paths', () => {
    expect(githubRepositoryName('org/name', 'file:///srv/x.git')).toEqual({ owner: 'org', repo: 'name' });
    expect(githubRepositoryName(undefined, 'file:///srv/x.git')).toBeNull();
    expect(githubRepositoryName(undefined, '/srv/x')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { branchWebUrl } from './branch-web-url.ts';

describe('branchWebUrl', () => {
  it('links https and scp-style remotes without credentials', () => {
    expect(branchWebUrl('https://x-access-token:secret@github.com/acme/shop.git', 'fixloop')).toBe(
      'https://github.com/acme/shop/tree/fixloop',
    );
    expect(branchWebUrl('git@gitlab.com:acme/shop.git', 'fix/issue-7')).toBe(
      'https://gitlab.com/acme/shop/tree/fix/issue-7',
    );
  });

  it('has no link for local remotes', () => {
    expect(branchWebUrl('file:///srv/shop.git', 'fixloop')).toBeNull();
    expect(branchWebUrl('/srv/shop', 'fixloop')).toBeNull();
  });
});

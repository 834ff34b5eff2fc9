import { describe, expect, it } from 'vitest';
import { linkRunbooks } from './link-runbooks.ts';
import type { RunbookMatch } from './match-runbooks.ts';

const match = (path: string, autoLink = true): RunbookMatch => ({
  path,
  title: path,
  priority: 0,
  autoLink,
  matches: [{ pattern: 'x', field: 'title' }],
});

describe('linkRunbooks', () => {
  it('links new auto_link matches once and never links one twice', () => {
    const matches = [
      match('runbooks/a.md'),
      match('runbooks/b.md'),
      match('./runbooks/b.md'),
      match('runbooks/c.md', false),
    ];
    const first = linkRunbooks([], matches);
    expect(first.link.map((m) => m.path)).toEqual(['runbooks/a.md', 'runbooks/b.md']);
    expect(first.suggested.map((m) => m.path)).toEqual(['runbooks/c.md']);
    const second = linkRunbooks([...first.link.map((m) => m.path)], matches);
    expect(second.link).toEqual([]);
    expect(second.alreadyLinked.map((m) => m.path)).toEqual(['runbooks/a.md', 'runbooks/b.md']);
  });

  it('treats differently written paths of one runbook as one', () => {
    expect(linkRunbooks(['/runbooks\\a.md'], [match('runbooks/a.md')]).link).toEqual([]);
  });
});

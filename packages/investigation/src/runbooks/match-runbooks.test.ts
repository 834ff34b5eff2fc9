import { describe, expect, it } from 'vitest';
import { matchRunbooks } from './match-runbooks.ts';
import { parseRunbook, type Runbook } from './parse-runbook.ts';

const book = (path: string, front: string): Runbook => {
  const { runbook } = parseRunbook(path, `---\n${front}\n---\n# ${path}\n`);
  if (!runbook) throw new Error(`bad fixture ${path}`);
  return runbook;
};

describe('matchRunbooks', () => {
  const runbooks = [
    book('runbooks/null.md', 'patterns: ["reading \'(amount|price)\'"]\npriority: 2'),
    book('runbooks/type.md', 'patterns: ["/^TypeError$/"]\npriority: 5'),
    book('runbooks/cart.md', 'patterns: ["^total\\\\(src/cart\\\\)$"]\npriority: 2'),
    book('runbooks/db.md', 'patterns: [ECONNREFUSED]\npriority: 9'),
  ];
  const fields = {
    title: "TypeError: Cannot read properties of undefined (reading 'amount')",
    message: '',
    type: 'TypeError',
    culprit: 'total(src/cart)',
  };

  it('matches title, type and culprit, highest priority first, then by path', () => {
    const matches = matchRunbooks(runbooks, fields);
    expect(matches.map((m) => [m.path, m.matches.map((x) => x.field)])).toEqual([
      ['runbooks/type.md', ['type']],
      ['runbooks/cart.md', ['culprit']],
      ['runbooks/null.md', ['title']],
    ]);
  });

  it('matches the message too, and nothing on empty fields', () => {
    expect(
      matchRunbooks(runbooks, {
        title: '',
        message: 'connect ECONNREFUSED 127.0.0.1',
        type: '',
        culprit: '',
      }).map((m) => m.path),
    ).toEqual(['runbooks/db.md']);
    expect(matchRunbooks(runbooks, { title: '', message: '', type: '', culprit: '' })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseRunbook } from './parse-runbook.ts';

describe('parseRunbook', () => {
  it('reads patterns, priority, auto_link and the title', () => {
    const { runbook, problems } = parseRunbook(
      'runbooks/db.md',
      '---\npatterns:\n  - ECONNREFUSED\n  - "/^QueryFailedError$/"\npriority: 7\nauto_link: false\n---\n\n# Database is down\n\nSteps…\n',
    );
    expect(problems).toEqual([]);
    expect(runbook).toMatchObject({
      path: 'runbooks/db.md',
      title: 'Database is down',
      priority: 7,
      autoLink: false,
    });
    expect(runbook?.patterns.map((p) => [p.source, p.regex.flags])).toEqual([
      ['ECONNREFUSED', 'i'],
      ['/^QueryFailedError$/', ''],
    ]);
  });

  it('defaults priority to 0, auto_link to true and the title to the file name; accepts one pattern and CRLF', () => {
    const { runbook } = parseRunbook(
      'runbooks/oom.md',
      '---\r\npatterns: out of memory\r\n---\r\nno heading\r\n',
    );
    expect(runbook).toMatchObject({ title: 'oom', priority: 0, autoLink: true });
    expect(runbook?.patterns[0]?.regex.test('JavaScript heap OUT OF MEMORY')).toBe(true);
  });

  it('reports broken runbooks instead of throwing', () => {
    expect(parseRunbook('a.md', '# no front matter').problems).toEqual(['a.md: no YAML front matter']);
    expect(parseRunbook('b.md', '---\npatterns: [unclosed\n---\n').problems[0]).toMatch(
      /^b\.md: invalid front matter/,
    );
    const bad = parseRunbook('c.md', '---\npatterns: ["(", "ok"]\npriority: high\n---\n');
    expect(bad.runbook?.patterns.map((p) => p.source)).toEqual(['ok']);
    expect(bad.problems).toEqual([
      expect.stringMatching(/^c\.md: invalid pattern "\("/),
      'c.md: priority must be a number',
    ]);
    expect(parseRunbook('d.md', '---\ntitle: x\n---\n')).toMatchObject({
      runbook: null,
      problems: ['d.md: no usable patterns, it can never match'],
    });
  });
});

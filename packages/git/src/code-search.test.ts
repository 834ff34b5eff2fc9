import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeSearch } from '@fixloop/core';
import { BuiltinCodeSearch } from './builtin-code-search.ts';
import { createCodeSearch } from './create-code-search.ts';
import { RipgrepCodeSearch } from './ripgrep-code-search.ts';
import { tempDir } from './test-repository.ts';

const hasRipgrep = (() => {
  try {
    execFileSync('rg', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

const searches: [string, CodeSearch, boolean][] = [
  ['builtin', new BuiltinCodeSearch(), true],
  ['ripgrep', new RipgrepCodeSearch(), hasRipgrep],
];

describe.each(searches)('%s code search', (_name, search, available) => {
  let root: string;
  const put = (path: string, content: string | Buffer) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  };

  beforeAll(() => {
    root = tempDir('fixloop-search-');
    put('src/cart.ts', 'export function total(items) {\n  return items.reduce(sum, 0);\n}\n');
    put(
      'src/checkout.ts',
      'import { total } from "./cart";\nconst t = total(cart.items);\nconst x = subtotal(1);\n',
    );
    put('lib/app.py', 'def total(items):\n    return sum(items)\n');
    put('node_modules/dep/index.js', 'function total() {}\n');
    put('.hidden/total.ts', 'total()\n');
    put('img/logo.bin', Buffer.from([0, 1, 2, 116, 111, 116, 97, 108, 40, 41, 10]));
    put('big/huge.ts', `${'// filler\n'.repeat(120_000)}total()\n`);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.runIf(available)(
    'finds word matches in path order, skipping vendored, hidden, binary and large files',
    async () => {
      const matches = await search.search(root, '\\btotal\\b', { maxResults: 50 });
      expect(matches).toEqual([
        { path: 'lib/app.py', line: 1, text: 'def total(items):' },
        { path: 'src/cart.ts', line: 1, text: 'export function total(items) {' },
        { path: 'src/checkout.ts', line: 1, text: 'import { total } from "./cart";' },
        { path: 'src/checkout.ts', line: 2, text: 'const t = total(cart.items);' },
      ]);
    },
  );

  it.runIf(available)('honours maxResults, globs, fixed strings and case', async () => {
    expect(await search.search(root, 'total', { maxResults: 2 })).toHaveLength(2);
    const ts = await search.search(root, 'total', { maxResults: 50, glob: ['*.py'] });
    expect(ts.map((m) => m.path)).toEqual(['lib/app.py']);
    const underSrc = await search.search(root, 'total', { maxResults: 50, glob: ['src/**'] });
    expect(new Set(underSrc.map((m) => m.path))).toEqual(new Set(['src/cart.ts', 'src/checkout.ts']));
    const fixed = await search.search(root, 'total(cart.items)', { maxResults: 5, fixedString: true });
    expect(fixed).toEqual([{ path: 'src/checkout.ts', line: 2, text: 'const t = total(cart.items);' }]);
    expect(await search.search(root, 'TOTAL\\(items', { maxResults: 5 })).toEqual([]);
    expect(await search.search(root, 'TOTAL\\(items', { maxResults: 5, caseInsensitive: true })).toHaveLength(
      2,
    );
  });

  it.runIf(available)('rejects an invalid pattern as a bad request', async () => {
    await expect(search.search(root, 'total(', { maxResults: 5 })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });
});

describe('createCodeSearch', () => {
  it('picks ripgrep when it runs, the built-in search otherwise', async () => {
    expect((await createCodeSearch()).name).toBe(hasRipgrep ? 'ripgrep' : 'builtin');
    expect((await createCodeSearch({ ripgrep: '/nonexistent/rg' })).name).toBe('builtin');
    expect((await createCodeSearch({ ripgrep: false })).name).toBe('builtin');
  });
});

import { describe, expect, it } from 'vitest';
import { moduleStyle } from './module-style.ts';
import { parseSource } from './parse-source.ts';
import { extensionConvention, relativeSpecifier } from './relative-specifier.ts';

describe('moduleStyle', () => {
  it('reads the file syntax before the extension and package.json', () => {
    expect(moduleStyle(parseSource('a.js', 'import x from "y";'), null)).toBe('esm');
    expect(moduleStyle(parseSource('a.js', 'const x = require("y");'), 'module')).toBe('cjs');
    expect(moduleStyle(parseSource('a.js', 'foo();'), 'module')).toBe('esm');
    expect(moduleStyle(parseSource('a.js', 'foo();'), null)).toBe('cjs');
    expect(moduleStyle(parseSource('a.mjs', 'foo();'), null)).toBe('esm');
  });
});

describe('relativeSpecifier', () => {
  it('follows the file convention for extensions', () => {
    const esm = parseSource('src/a.js', 'import { b } from "./b.js";');
    expect(extensionConvention(esm, 'esm')).toBe('keep');
    expect(relativeSpecifier('src/a.js', 'src/lib/money.js', 'keep')).toBe('./lib/money.js');
    const cjs = parseSource('src/a.js', 'const b = require("./b");');
    expect(extensionConvention(cjs, 'cjs')).toBe('none');
    expect(relativeSpecifier('src/api/a.js', 'src/money.js', 'none')).toBe('../money');
    const ts = parseSource('src/a.ts', 'import { b } from "./b.js";');
    expect(extensionConvention(ts, 'esm')).toBe('js');
    expect(relativeSpecifier('src/a.ts', 'src/b/c.ts', 'js')).toBe('./b/c.js');
  });
});

import { describe, expect, it } from 'vitest';
import { moduleExports } from './module-exports.ts';
import { parseSource } from './parse-source.ts';

function exportsOf(path: string, text: string) {
  return moduleExports(parseSource(path, text)).map((e) => ({
    name: e.name,
    style: e.style,
    fn: e.fn !== null,
    reexport: e.reexport,
  }));
}

describe('moduleExports', () => {
  it('finds ESM declarations, lists, defaults and re-exports', () => {
    const text = [
      'export function a() {}',
      'export async function b(x: number) {}',
      'export const c = (x) => x, d = 3;',
      'function e() {}',
      'const f = function () {};',
      'export { e, f as g };',
      'export { h } from "./h.js";',
      'export default e;',
      'export class K {}',
    ].join('\n');
    expect(exportsOf('m.ts', text)).toEqual([
      { name: 'a', style: 'esm', fn: true, reexport: false },
      { name: 'b', style: 'esm', fn: true, reexport: false },
      { name: 'c', style: 'esm', fn: true, reexport: false },
      { name: 'd', style: 'esm', fn: false, reexport: false },
      { name: 'e', style: 'esm', fn: true, reexport: false },
      { name: 'g', style: 'esm', fn: true, reexport: false },
      { name: 'h', style: 'esm', fn: false, reexport: true },
      { name: 'default', style: 'esm', fn: true, reexport: false },
      { name: 'K', style: 'esm', fn: false, reexport: false },
    ]);
  });

  it('finds CommonJS object, member and whole-module exports', () => {
    const text = [
      'function a() {}',
      'const b = () => 1;',
      'module.exports = { a, bee: b, c() {}, d: function () {}, e: 42 };',
      'module.exports.f = function () {};',
      'exports.g = a;',
    ].join('\n');
    expect(exportsOf('m.js', text).map((e) => [e.name, e.fn])).toEqual([
      ['a', true],
      ['bee', true],
      ['c', true],
      ['d', true],
      ['e', false],
      ['f', true],
      ['g', true],
    ]);
    expect(exportsOf('n.js', 'module.exports = function run() {};')).toEqual([
      { name: 'default', style: 'cjs', fn: true, reexport: false },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { classifyRelatedCode } from './classify-related-code.ts';
import { searchableFunctionName } from './function-name.ts';

describe('searchableFunctionName', () => {
  it.each([
    ['Object.total', 'total'],
    ['CartService.total', 'total'],
    ['async total', 'total'],
    ['new Cart', 'Cart'],
    ['Cart.prototype.total', 'total'],
    ['Array.map [as map]', 'map'],
    ['app.services.cart:apply_discount', 'apply_discount'],
    ['<anonymous>', null],
    ['?', null],
    ['fn', null],
    [null, null],
  ])('%s → %s', (name, expected) => {
    expect(searchableFunctionName(name)).toBe(expected);
  });
});

describe('classifyRelatedCode', () => {
  const m = (path: string, line: number, text: string) => ({ path, line, text });
  const matches = [
    m('src/cart.js', 1, 'export function total(cart) {'),
    m('src/cart.ts', 3, 'export const total = (cart: Cart) => sum(cart);'),
    m('src/service.ts', 8, '  async total(id: string): Promise<number> {'),
    m('app/cart.py', 2, 'def total(items):'),
    m('src/checkout.js', 1, "import { total } from './cart.js';"),
    m('src/checkout.js', 4, '  return { amount: total(cart) };'),
    m('src/cart.js', 12, '  const t = total(cart);'),
    m('src/notes.js', 1, '// total() is slow'),
    m('src/ui.js', 5, 'label.total = 3;'),
  ];

  it('separates definitions from calls, drops imports, comments and the crash site', () => {
    const hits = classifyRelatedCode(matches, 'total', {
      exclude: [{ path: 'src/cart.js', line: 12 }],
      maxDefinitions: 10,
      maxCalls: 10,
    });
    expect(hits.map((h) => `${h.kind} ${h.path}:${h.line}`)).toEqual([
      'definition src/cart.js:1',
      'definition src/cart.ts:3',
      'definition src/service.ts:8',
      'definition app/cart.py:2',
      'call src/checkout.js:4',
    ]);
  });

  it('caps each kind', () => {
    const hits = classifyRelatedCode(matches, 'total', { maxDefinitions: 1, maxCalls: 1 });
    expect(hits.map((h) => h.kind)).toEqual(['definition', 'call']);
  });
});

import { describe, expect, it } from 'vitest';
import { fixContextFor, nodeEvent, positionOf, proposeWith } from '../../test/support/fix-context-for.ts';
import { MisspelledNameFixer } from './misspelled-name-fixer.ts';

describe('MisspelledNameFixer', () => {
  const fixer = new MisspelledNameFixer();

  it('renames an undefined identifier to the one name in scope two edits away', async () => {
    const text =
      'function calcTotal(items) {\n  return items.length;\n}\n\nexport function checkout(cart) {\n  const n = calcTotl(cart.items);\n  return calcTotl(cart.items) + n;\n}\n';
    const event = nodeEvent('ReferenceError', 'calcTotl is not defined', [
      { path: 'src/checkout.js', fn: 'checkout', ...positionOf(text, 'calcTotl') },
    ]);
    const result = await proposeWith(fixer, await fixContextFor({ 'src/checkout.js': text }, event));
    if (!result.ok) throw new Error(result.reason);
    expect(result.after).toBe(text.replaceAll('calcTotl', 'calcTotal'));
    expect(result.candidate.category).toBe('A');
  });

  it('finds the typo when V8 reports the start of the statement, as it does for `return typo(x)`', async () => {
    const text =
      'function formatTotal(amount) {\n  return amount.toFixed(2);\n}\nexport function orderTotal(order) {\n  return formatTotl(order.amount);\n}\n';
    const event = nodeEvent('ReferenceError', 'formatTotl is not defined', [
      { path: 'src/orders.js', fn: 'orderTotal', line: 5, col: 3, vars: { order: { amount: 3 } } },
    ]);
    const result = await proposeWith(fixer, await fixContextFor({ 'src/orders.js': text }, event));
    if (!result.ok) throw new Error(result.reason);
    expect(result.after).toBe(text.replace('formatTotl(', 'formatTotal('));
  });

  it('renames a method to the member the imported module exports', async () => {
    const text =
      "import * as prices from './prices.js';\n\nexport function sum(items) {\n  return prices.sumAl(items);\n}\n";
    const files = {
      'src/sum.js': text,
      'src/prices.js': 'export function sumAll(items) { return 0; }\nexport const sumOne = 1;\n',
    };
    const event = nodeEvent('TypeError', 'prices.sumAl is not a function', [
      { path: 'src/sum.js', fn: 'sum', ...positionOf(text, 'sumAl') },
    ]);
    const result = await proposeWith(fixer, await fixContextFor(files, event));
    if (!result.ok) throw new Error(result.reason);
    expect(result.after).toBe(text.replace('sumAl(', 'sumAll('));
  });

  it('uses the captured value to know an array and its methods', async () => {
    const text = 'export function names(users) {\n  return users.flatmap((u) => u.names);\n}\n';
    const event = nodeEvent('TypeError', 'users.flatmap is not a function', [
      { path: 'src/n.js', fn: 'names', ...positionOf(text, 'flatmap'), vars: { users: [null] } },
    ]);
    const result = await proposeWith(fixer, await fixContextFor({ 'src/n.js': text }, event));
    if (!result.ok) throw new Error(result.reason);
    expect(result.after).toContain('users.flatMap(');
  });

  it('knows the shape of a property of a captured object (a string method misspelled)', async () => {
    const text = 'function shout(order) {\n  return order.name.toUpperCse();\n}\nexport const x = 1;\n';
    const event = nodeEvent('TypeError', 'order.name.toUpperCse is not a function', [
      { path: 'src/s.js', fn: 'shout', ...positionOf(text, 'toUpperCse'), vars: { order: { name: 'ada' } } },
    ]);
    const result = await proposeWith(fixer, await fixContextFor({ 'src/s.js': text }, event));
    if (!result.ok) throw new Error(result.reason);
    expect(result.after).toContain('order.name.toUpperCase()');
    const unknown = nodeEvent('TypeError', 'order.name.toUpperCse is not a function', [
      { path: 'src/s.js', fn: 'shout', ...positionOf(text, 'toUpperCse'), vars: { order: {} } },
    ]);
    expect(await proposeWith(fixer, await fixContextFor({ 'src/s.js': text }, unknown))).toMatchObject({ ok: false }); // prettier-ignore
  });

  it('refuses ambiguous corrections and unknown shapes', async () => {
    const text = 'const cat = 1;\nconst bat = 2;\nexport function f() {\n  return hat;\n}\n';
    const event = nodeEvent('ReferenceError', 'hat is not defined', [
      { path: 'src/f.js', fn: 'f', ...positionOf(text, 'hat') },
    ]);
    expect(await proposeWith(fixer, await fixContextFor({ 'src/f.js': text }, event))).toMatchObject({
      ok: false,
    });
    const unknown = 'export function g(api) {\n  return api.fetchh();\n}\n';
    const event2 = nodeEvent('TypeError', 'api.fetchh is not a function', [
      { path: 'src/g.js', fn: 'g', ...positionOf(unknown, 'fetchh') },
    ]);
    expect(await proposeWith(fixer, await fixContextFor({ 'src/g.js': unknown }, event2))).toMatchObject({
      ok: false,
      reason: 'the shape of api is not known',
    });
  });
});

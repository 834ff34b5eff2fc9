import { describe, expect, it } from 'vitest';
import { fixContextFor, nodeEvent, positionOf, proposeWith } from '../../test/support/fix-context-for.ts';
import { MissingImportFixer } from './missing-import-fixer.ts';

const CART = `import { taxRate } from './tax.js';

export function total(items) {
  const sum = items.reduce((acc, item) => acc + item.price, 0);
  return formatMoney(sum * (1 + taxRate));
}
`;
const MONEY = 'export function formatMoney(cents) {\n  return (cents / 100).toFixed(2);\n}\n';

function event(path: string, text: string) {
  return nodeEvent('ReferenceError', 'formatMoney is not defined', [
    { path, fn: 'total', ...positionOf(text, 'formatMoney') },
  ]);
}

describe('MissingImportFixer', () => {
  const fixer = new MissingImportFixer();

  it('adds an ESM import after the last import, with the extension the file uses', async () => {
    const files = {
      'package.json': '{"type":"module"}',
      'src/cart.js': CART,
      'src/lib/money.js': MONEY,
      'src/tax.js': 'export const taxRate = 0.2;\n',
      'test/money.test.js': MONEY,
    };
    const result = await proposeWith(fixer, await fixContextFor(files, event('src/cart.js', CART)));
    if (!result.ok) throw new Error(result.reason);
    expect(result.after).toBe(
      CART.replace("'./tax.js';", "'./tax.js';\nimport { formatMoney } from './lib/money.js';"),
    );
    expect(result.candidate).toMatchObject({ category: 'A', fixer: 'missing-import' });
    expect(result.candidate.patch.diff).toContain("+import { formatMoney } from './lib/money.js';");
  });

  it('adds a require to a CommonJS file', async () => {
    const cjs =
      "'use strict';\nconst tax = require('./tax');\n\nfunction total(sum) {\n  return formatMoney(sum);\n}\nmodule.exports = { total };\n";
    const files = {
      'src/cart.js': cjs,
      'src/money.js': 'function formatMoney(c) {}\nmodule.exports = { formatMoney };\n',
      'src/tax.js': '',
    };
    const result = await proposeWith(fixer, await fixContextFor(files, event('src/cart.js', cjs)));
    if (!result.ok) throw new Error(result.reason);
    expect(result.after).toContain(
      "const tax = require('./tax');\nconst { formatMoney } = require('./money');\n",
    );
  });

  it('refuses when two modules export the name, or none does', async () => {
    const files = { 'src/cart.js': CART, 'src/a.js': MONEY, 'src/b.js': MONEY };
    const twice = await proposeWith(fixer, await fixContextFor(files, event('src/cart.js', CART)));
    expect(twice).toMatchObject({ ok: false, reason: '2 modules export formatMoney: src/a.js, src/b.js' });
    const none = await proposeWith(
      fixer,
      await fixContextFor({ 'src/cart.js': CART }, event('src/cart.js', CART)),
    );
    expect(none).toMatchObject({ ok: false, reason: 'no module exports formatMoney' });
  });
});

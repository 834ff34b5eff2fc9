/** The tiny shop app the end-to-end tests fix: ES modules, node:test, no npm install needed. */
export const SHOP_BASE: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'shop', private: true, type: 'module', scripts: { test: 'node --test' } }, null, 2)}\n`,
  'src/money.js': "export function formatMoney(cents) {\n  return '€' + (cents / 100).toFixed(2);\n}\n",
  'src/stock.js':
    'const LEVELS = { A1: 3, B2: 0 };\n\nexport function lookup(sku) {\n  return LEVELS[sku] ?? 0;\n}\n',
  'src/slugify.js':
    "export function slugify(text) {\n  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n}\n",
  'test/money.test.js': [
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { formatMoney } from '../src/money.js';",
    '',
    "test('formats cents as euros', () => {",
    "  assert.equal(formatMoney(1250), '€12.50');",
    '});',
    '',
  ].join('\n'),
};

/** (a) `formatMoney is not defined`: the import was forgotten. */
export const MISSING_IMPORT = {
  'src/labels.js': "export function priceLabel(cents) {\n  return 'Total: ' + formatMoney(cents);\n}\n",
};

/** (b) `stock.lookupp is not a function`: a misspelled member of an imported module. */
export const MISSPELLED_MEMBER = {
  'src/inventory.js':
    "import * as stock from './stock.js';\n\nexport function available(sku) {\n  return stock.lookupp(sku) > 0;\n}\n",
};

/** (c) `Cannot find module …/Slugify.js`: an import path off by letter case. */
export const WRONG_CASE_PATH = {
  'src/report.js':
    "import { slugify } from './Slugify.js';\n\nexport function reportName(title) {\n  return slugify(title) + '.csv';\n}\n",
  'test/report.test.js': [
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { reportName } from '../src/report.js';",
    '',
    "test('names reports after their title', () => {",
    "  assert.equal(reportName('Sales Q3'), 'sales-q3.csv');",
    '});',
    '',
  ].join('\n'),
};

/** (d) Reading `name` of a missing customer, which the code treats as optional elsewhere. */
export const OPTIONAL_CUSTOMER = {
  'src/orders.js': [
    'export function greeting(order) {',
    "  return 'Hello ' + order.customer.name;",
    '}',
    '',
    'export function shippingLabel(order) {',
    "  return order.customer?.name ?? 'guest';",
    '}',
    '',
  ].join('\n'),
  'test/orders.test.js': [
    "import { test } from 'node:test';",
    "import assert from 'node:assert/strict';",
    "import { greeting, shippingLabel } from '../src/orders.js';",
    '',
    "test('greets the customer', () => {",
    "  assert.equal(greeting({ customer: { name: 'Ada' } }), 'Hello Ada');",
    '});',
    '',
    "test('labels guest orders', () => {",
    "  assert.equal(shippingLabel({}), 'guest');",
    '});',
    '',
  ].join('\n'),
};

interface Frame {
  path: string;
  fn: string;
  line: number;
  col: number;
  vars?: Record<string, unknown>;
}

/** An event shaped like @sentry/node's, with the app deployed under /srv/shop. */
export function shopEvent(type: string, value: string, innermostFirst: Frame[]): Record<string, unknown> {
  const frames = [...innermostFirst].reverse().map((f) => ({
    filename: `/srv/shop/${f.path}`,
    abs_path: `/srv/shop/${f.path}`,
    module: f.path.replace(/\.js$/, '').replace(/\//g, ':'),
    function: f.fn,
    lineno: f.line,
    colno: f.col,
    in_app: true,
    ...(f.vars ? { vars: f.vars } : {}),
  }));
  return {
    platform: 'node',
    level: 'error',
    exception: {
      values: [{ type, value, stacktrace: { frames }, mechanism: { type: 'generic', handled: false } }],
    },
  };
}
